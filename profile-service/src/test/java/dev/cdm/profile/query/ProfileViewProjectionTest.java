package dev.cdm.profile.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.cdm.kernel.events.LinkDecision;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.ProfileCreatedEvent;
import dev.cdm.kernel.events.ProfileErasedEvent;
import dev.cdm.kernel.events.SourceRecordChangedEvent;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.events.SourceRecordLinkedEvent;
import dev.cdm.profile.api.ProfileView;
import dev.cdm.profile.golden.Survivorship;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProfileViewProjectionTest {

    private static final String ID = "p-1";
    private static final SourceRecordKey WEB = new SourceRecordKey("web", "w-1");
    private static final SourceRecordKey SHOP = new SourceRecordKey("shop", "s-1");
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-01-02T10:00:00Z");
    private static final PersonData WEB_DATA = new PersonData("Ivan", "Volkov", "ivan@mail.ru", null,
            LocalDate.of(1990, 5, 17), null, "RU");
    private static final PersonData SHOP_DATA = new PersonData("Ivan", null, "ivan.v@shop.ru", "+79161234567",
            null, "Lenina 1", null);

    private MongoServer server;
    private MongoClient client;
    private ProfileViewRepository repository;
    private ProfileViewProjection projection;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        MongoDatabase database = client.getDatabase("cdm-profile-test");
        repository = new ProfileViewRepository(database);
        projection = new ProfileViewProjection(repository);
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void linkedRecords_buildTheUnifiedPerson_latestNonEmptyValueWinning() {
        createWithTwoRecords();

        ProfileView view = repository.find(ID).orElseThrow();
        assertThat(Survivorship.mostRecent().of(view.records()).person()).isEqualTo(new PersonData("Ivan", "Volkov", "ivan.v@shop.ru", "+79161234567",
                LocalDate.of(1990, 5, 17), "Lenina 1", "RU"));
        assertThat(view.records()).extracting(r -> r.key()).containsExactly(WEB, SHOP);
        assertThat(view.version()).isEqualTo(2);
        assertThat(view.updatedAt()).isEqualTo(T1);
    }

    @Test
    void lookups_findTheProfile_byEveryEmailAndPhoneOfItsRecords() {
        createWithTwoRecords();

        assertThat(repository.findByLookupKey("email:ivan@mail.ru")).extracting(ProfileView::profileId)
                .containsExactly(ID);
        assertThat(repository.findByLookupKey("email:ivan.v@shop.ru")).hasSize(1);
        assertThat(repository.findByLookupKey("phone:+79161234567")).hasSize(1);
    }

    @Test
    void changedRecord_dropsTheLookupOfTheEmailItNoLongerHas() {
        createWithTwoRecords();
        PersonData newEmail = new PersonData("Ivan", "Volkov", "volkov@new.ru", null, null, null, "RU");

        projection.on(new SourceRecordChangedEvent(ID, WEB, newEmail, T1.plusSeconds(60)), 3);

        assertThat(repository.findByLookupKey("email:ivan@mail.ru")).isEmpty();
        assertThat(repository.findByLookupKey("email:volkov@new.ru")).hasSize(1);
        assertThat(Survivorship.mostRecent().of(repository.find(ID).orElseThrow().records()).person().email())
                .isEqualTo("volkov@new.ru");
    }

    @Test
    void redeliveredEvents_changeNothing() {
        createWithTwoRecords();
        ProfileView before = repository.find(ID).orElseThrow();

        projection.on(new ProfileCreatedEvent(ID, WEB, T0), 0);
        projection.on(new SourceRecordLinkedEvent(ID, WEB, WEB_DATA, T0, LinkDecision.founding()), 1);
        projection.on(new SourceRecordLinkedEvent(ID, SHOP, SHOP_DATA, T1, LinkDecision.founding()), 2);

        assertThat(repository.find(ID).orElseThrow()).isEqualTo(before);
    }

    @Test
    void anErasedProfile_leavesTheReadModel_withEveryIdentifierItWasFoundBy() {
        createWithTwoRecords();

        projection.on(new ProfileErasedEvent(ID, "dsr-1", T1.plusSeconds(60)));

        assertThat(repository.find(ID)).isEmpty();
        assertThat(client.getDatabase("cdm-profile-test").getCollection(ProfileViewRepository.LOOKUP)
                .countDocuments()).as("no lookup key (an identifier) outlives the erasure").isZero();
    }

    @Test
    void reset_dropsProfilesAndLookups() {
        createWithTwoRecords();

        projection.onReset();

        assertThat(repository.find(ID)).isEmpty();
        assertThat(repository.findByLookupKey("email:ivan@mail.ru")).isEmpty();
    }

    private void createWithTwoRecords() {
        projection.on(new ProfileCreatedEvent(ID, WEB, T0), 0);
        projection.on(new SourceRecordLinkedEvent(ID, WEB, WEB_DATA, T0, LinkDecision.founding()), 1);
        projection.on(new SourceRecordLinkedEvent(ID, SHOP, SHOP_DATA, T1, LinkDecision.founding()), 2);
    }
}
