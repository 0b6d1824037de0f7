package dev.cdm.profile.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.cdm.kernel.events.LinkDecision;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.ProfileCreatedEvent;
import dev.cdm.kernel.events.ProfileErasedEvent;
import dev.cdm.kernel.events.ProfileMergedIntoEvent;
import dev.cdm.kernel.events.SourceRecordChangedEvent;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.events.SourceRecordLinkedEvent;
import dev.cdm.profile.api.ProfileView;
import dev.cdm.profile.golden.Survivorship;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The search keys the profile-view projection keeps, and the searches and pages the repository answers with them. */
class ProfileSearchRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private ProfileViewRepository repository;
    private ProfileViewProjection projection;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        repository = new ProfileViewRepository(client.getDatabase("cdm-profile-test"), Survivorship.mostRecent());
        projection = new ProfileViewProjection(repository);
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aPrefix_findsGivenFamilyAndFullName_whateverTheCaseAccentsOrScript() {
        register("p-1", "Hans", "Müller", "DE");
        register("p-2", "Юлия", "Мулина", "RU");
        register("p-3", "Mulan", "Fa", "CN");
        register("p-4", "Anna", "Schmidt", "DE");

        assertThat(ids(new ProfileSearch("mul", null))).containsExactly("p-3", "p-2", "p-1");
        assertThat(ids(new ProfileSearch("yuliya m", null))).containsExactly("p-2");
        assertThat(ids(new ProfileSearch("hans muller", null))).containsExactly("p-1");
        assertThat(ids(new ProfileSearch("muller hans", null))).isEmpty();
    }

    @Test
    void aCountry_narrowsTheSearch_orIsASearchOfItsOwn() {
        register("p-1", "Hans", "Müller", "DE");
        register("p-2", "Юлия", "Мулина", "RU");
        register("p-4", "Anna", "Schmidt", "DE");

        assertThat(ids(new ProfileSearch("mul", "DE"))).containsExactly("p-1");
        assertThat(ids(new ProfileSearch(null, "DE"))).containsExactly("p-1", "p-4");
    }

    @Test
    void pages_followTheOrder_afterThePosition_withoutRepeatingOrSkipping_whenProfilesArriveMeanwhile() {
        register("p-1", "Anna", "Aalto", "FI");
        register("p-2", "Bea", "Aalto", "FI");
        register("p-3", "Anna", "Berg", "FI");

        SearchPage first = repository.search(new ProfileSearch(null, "FI"), null, 2);
        register("p-0", "Aaro", "Aalto", "FI");
        SearchPage second = repository.search(new ProfileSearch(null, "FI"), first.nextAfter(), 2);

        assertThat(first.views()).extracting(ProfileView::profileId).containsExactly("p-1", "p-2");
        assertThat(first.nextAfter()).isNotNull();
        assertThat(second.views()).extracting(ProfileView::profileId).containsExactly("p-3");
        assertThat(second.nextAfter()).as("the last page").isNull();
    }

    @Test
    void theKeys_followTheGoldenRecord_whenARecordChanges() {
        register("p-1", "Hans", "Müller", "DE");

        projection.on(new SourceRecordChangedEvent("p-1", new SourceRecordKey("web", "p-1"),
                new PersonData("Hans", "Meier", null, null, null, null, "AT"), T0.plusSeconds(60)), 2);

        assertThat(ids(new ProfileSearch("mul", null))).isEmpty();
        assertThat(ids(new ProfileSearch("meier", "AT"))).containsExactly("p-1");
    }

    @Test
    void mergedAwayAndErasedProfiles_areNeverFound_andAReplayRebuildsTheKeys() {
        register("p-1", "Hans", "Müller", "DE");
        register("p-2", "Hanna", "Müller", "DE");
        register("p-3", "Hanno", "Müller", "DE");

        projection.on(new ProfileMergedIntoEvent("p-2", "p-9", T0.plusSeconds(60)), 2);
        projection.on(new ProfileErasedEvent("p-3", "dsr-1", T0.plusSeconds(60)));

        assertThat(ids(new ProfileSearch("han", null))).containsExactly("p-1");
        assertThat(profiles().find(new Document("_id", "p-2")).first()).doesNotContainKey(SearchKeys.FIELD);

        projection.onReset();
        assertThat(ids(new ProfileSearch("han", null))).isEmpty();
        register("p-1", "Hans", "Müller", "DE");
        assertThat(ids(new ProfileSearch("han", null))).containsExactly("p-1");
        assertThat(profiles().listIndexes().into(new ArrayList<>())).hasSize(3);
    }

    private void register(String profileId, String given, String family, String country) {
        SourceRecordKey record = new SourceRecordKey("web", profileId);
        projection.on(new ProfileCreatedEvent(profileId, record, T0), 0);
        projection.on(new SourceRecordLinkedEvent(profileId, record,
                new PersonData(given, family, null, null, null, null, country), T0, LinkDecision.founding()), 1);
    }

    private List<String> ids(ProfileSearch search) {
        return repository.search(search, null, 100).views().stream().map(ProfileView::profileId).toList();
    }

    private MongoCollection<Document> profiles() {
        return client.getDatabase("cdm-profile-test").getCollection(ProfileViewRepository.PROFILES);
    }
}
