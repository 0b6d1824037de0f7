package dev.cdm.profile.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.cdm.kernel.events.Activity;
import dev.cdm.kernel.events.ActivityRecordedEvent;
import dev.cdm.kernel.events.LinkDecision;
import dev.cdm.kernel.events.MovedRecord;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.ProfileCreatedEvent;
import dev.cdm.kernel.events.ProfileErasedEvent;
import dev.cdm.kernel.events.ProfilesMergedEvent;
import dev.cdm.kernel.events.SourceRecordChangedEvent;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.events.SourceRecordLinkedEvent;
import dev.cdm.kernel.events.SourceRecordsSplitEvent;
import dev.cdm.profile.api.ProfileView;
import dev.cdm.profile.golden.Survivorship;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProfileViewProjectionTest {

    private static final String ID = "p-1";
    private static final SourceRecordKey WEB = new SourceRecordKey("web", "w-1");
    private static final SourceRecordKey SHOP = new SourceRecordKey("shop", "s-1");
    private static final SourceRecordKey CRM = new SourceRecordKey("crm", "c-1");
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
        repository = new ProfileViewRepository(database, Survivorship.mostRecent());
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
    void lookup_findsProfilesSharingAnIdentifier_inProfileIdOrder_whateverOrderTheyWereProjectedIn() {
        for (String id : List.of("p-3", "p-1", "p-2")) {
            SourceRecordKey record = new SourceRecordKey("web", id);
            projection.on(new ProfileCreatedEvent(id, record, T0), 0);
            projection.on(new SourceRecordLinkedEvent(id, record, WEB_DATA, T0, LinkDecision.founding()), 1);
        }

        assertThat(repository.findByLookupKey("email:ivan@mail.ru")).extracting(ProfileView::profileId)
                .containsExactly("p-1", "p-2", "p-3");
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
    void activities_stayWithTheirRecord_throughAChange_aMergeAndASplit_andAreStoredOnce() {
        createWithTwoRecords();
        Activity order = Activity.purchase("shop", "o-1", T1, T1, new Activity.Purchase(new BigDecimal("12.50"),
                "EUR", List.of(new Activity.Item("sku-1", "Tea", 2, new BigDecimal("6.25")))));
        Activity ticket = Activity.interaction("helpdesk", "t-1", T1, T1,
                new Activity.Interaction("support_ticket", "email", "ru"));

        projection.on(new ActivityRecordedEvent(ID, SHOP, order), 3);
        projection.on(new SourceRecordChangedEvent(ID, SHOP, new PersonData("Ivan", null, "other@shop.ru", "+79161234567", null, "Lenina 1", null), T1), 4);
        projection.on(new ProfilesMergedEvent(ID, "p-2", List.of(new MovedRecord(CRM, WEB_DATA, T0, null,
                List.of(ticket, order))), LinkDecision.founding(), T1), 5);

        ProfileView merged = repository.find(ID).orElseThrow();
        assertThat(merged.records()).filteredOn(r -> r.key().equals(SHOP)).singleElement()
                .satisfies(r -> assertThat(r.activities()).containsExactly(order));
        assertThat(merged.records()).filteredOn(r -> r.key().equals(CRM)).singleElement()
                .satisfies(r -> assertThat(r.activities()).as("the order came twice: kept once")
                        .containsExactly(ticket));

        projection.on(new SourceRecordsSplitEvent(ID, "p-3", List.of(SHOP), "two people", T1), 6);

        assertThat(repository.find(ID).orElseThrow().activities()).containsExactly(ticket);
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
