package dev.cdm.profile.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.SourceRecordKey;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A batch sees what earlier batches committed before the identity-index projection has applied it. */
class IdentityWorkspaceTest {

    private static final PersonData ANNA = new PersonData("Anna", "Schmidt", "anna@example.org", null, null, null,
            "DE");

    private MongoServer server;
    private MongoClient client;
    private IdentityIndexRepository index;
    private final PendingChanges pending = new PendingChanges();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        index = new IdentityIndexRepository(client.getDatabase("identity-test"));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void aCommittedButUnprojectedProfile_isACandidate_andIsForgottenOnceProjected() {
        IndexedRecord web = IdentityResolverTest.record("web", "w-1", ANNA);
        IdentityWorkspace first = load(web);
        first.found("p-anna", web);
        pending.record(10, first.changes());

        IndexedRecord shop = IdentityResolverTest.record("shop", "s-1", ANNA);
        IdentityWorkspace second = load(shop);

        assertThat(second.candidates(shop)).extracting(IndexedProfile::profileId).containsExactly("p-anna");
        assertThat(load(web).route(web.key())).isEqualTo("p-anna");

        pending.forget(10);

        assertThat(load(shop).candidates(shop)).as("the projection (empty here) is the truth again").isEmpty();
    }

    @Test
    void aPendingMerge_hidesTheRetiredProfile_andMovesItsRecords() {
        IndexedRecord web = IdentityResolverTest.record("web", "w-1", ANNA);
        IndexedRecord shop = IdentityResolverTest.record("shop", "s-1", ANNA);
        IdentityWorkspace batch = load(web, shop);
        batch.found("p-1", web);
        batch.found("p-2", shop);
        batch.merge("p-1", "p-2");
        pending.record(20, batch.changes());

        IndexedRecord crm = IdentityResolverTest.record("crm", "c-1", ANNA);
        List<IndexedProfile> candidates = load(crm).candidates(crm);

        assertThat(candidates).extracting(IndexedProfile::profileId).containsExactly("p-1");
        assertThat(candidates.get(0).records()).extracting(IndexedRecord::key)
                .containsExactlyInAnyOrder(web.key(), shop.key());
        assertThat(load(shop).route(new SourceRecordKey("shop", "s-1"))).isEqualTo("p-1");
    }

    private IdentityWorkspace load(IndexedRecord... records) {
        return IdentityWorkspace.load(index, pending, new CandidateRule(500, 10),
                List.of(records).stream().map(IndexedRecord::key).toList(), List.of(records));
    }
}
