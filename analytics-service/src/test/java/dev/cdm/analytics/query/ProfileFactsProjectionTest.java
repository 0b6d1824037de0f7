package dev.cdm.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.cdm.analytics.api.CountView;
import dev.cdm.analytics.api.ProfileCountsView;
import dev.cdm.kernel.events.LinkDecision;
import dev.cdm.kernel.events.MovedRecord;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.ProfileMergedIntoEvent;
import dev.cdm.kernel.events.ProfilesMergedEvent;
import dev.cdm.kernel.events.SourceRecordsSplitEvent;
import dev.cdm.kernel.events.ProcessingRestrictedEvent;
import dev.cdm.kernel.events.ProcessingRestrictionLiftedEvent;
import dev.cdm.kernel.events.ProfileCreatedEvent;
import dev.cdm.kernel.events.ProfileErasedEvent;
import dev.cdm.kernel.events.SourceRecordChangedEvent;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.events.SourceRecordLinkedEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProfileFactsProjectionTest {

    private static final LinkDecision FOUNDING = LinkDecision.founding();
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final SourceRecordKey CRM = new SourceRecordKey("crm", "c-1");
    private static final SourceRecordKey SHOP = new SourceRecordKey("shop", "s-1");

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private ProfileFactsProjection projection;
    private ProfileCountsRepository counts;

    @BeforeEach
    void startServer() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("cdm-analytics-test");
        projection = new ProfileFactsProjection(new ProfileFactsRepository(database));
        counts = new ProfileCountsRepository(database);
    }

    @AfterEach
    void stopServer() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void counts_groupProfilesBySourceAndCountry_whenRecordsLinked() {
        link("p1", CRM, "DE", T0);
        link("p1", SHOP, "DE", T0.plusSeconds(1));
        link("p2", new SourceRecordKey("crm", "c-2"), "FR", T0);
        link("p3", new SourceRecordKey("shop", "s-3"), null, T0);
        link("p4", new SourceRecordKey("crm", "c-4"), "DE", T0);

        ProfileCountsView view = counts.counts();

        assertThat(view.totalProfiles()).isEqualTo(4);
        assertThat(view.bySource()).containsExactly(new CountView("crm", 3), new CountView("shop", 2));
        assertThat(view.byCountry()).containsExactly(
                new CountView("DE", 2), new CountView("", 1), new CountView("FR", 1));
    }

    @Test
    void anErasedProfile_leavesNoFacts_andIsNoLongerCounted() {
        link("p1", CRM, "DE", T0);
        link("p2", new SourceRecordKey("crm", "c-2"), "FR", T0);

        projection.on(new ProfileErasedEvent("p2", "dsr-9", T0.plusSeconds(5)));

        assertThat(storedFacts()).extracting(doc -> doc.getString("_id")).containsExactly("p1");
        assertThat(counts.counts()).isEqualTo(new ProfileCountsView(1, List.of(new CountView("crm", 1)),
                List.of(new CountView("DE", 1))));
    }

    @Test
    void aRestrictedProfile_isLeftOutOfTheCounts_untilTheRestrictionIsLifted() {
        link("p1", CRM, "DE", T0);
        link("p2", new SourceRecordKey("crm", "c-2"), "FR", T0);

        projection.on(new ProcessingRestrictedEvent("p2", "dsr-1", T0.plusSeconds(5)));
        assertThat(counts.counts()).isEqualTo(new ProfileCountsView(1, List.of(new CountView("crm", 1)),
                List.of(new CountView("DE", 1))));

        link("p2", new SourceRecordKey("shop", "s-2"), "FR", T0.plusSeconds(6));
        assertThat(counts.counts().totalProfiles()).isEqualTo(1);

        projection.on(new ProcessingRestrictionLiftedEvent("p2", "dsr-1", "dpo", T0.plusSeconds(9)));
        assertThat(counts.counts().totalProfiles()).isEqualTo(2);
        assertThat(counts.counts().bySource()).containsExactly(new CountView("crm", 2), new CountView("shop", 1));
    }

    @Test
    void aMerge_countsOneProfile_withTheRecordsOfBoth_andASplitCountsTwoAgain() {
        link("p1", CRM, "DE", T0);
        link("p2", SHOP, "FR", T0.plusSeconds(1));

        projection.on(new ProfileMergedIntoEvent("p2", "p1", T0.plusSeconds(2)), 2);
        projection.on(new ProfilesMergedEvent("p1", "p2", List.of(new MovedRecord(SHOP, person("FR"),
                T0.plusSeconds(1), FOUNDING)), null, T0.plusSeconds(2)), 2);

        assertThat(counts.counts()).isEqualTo(new ProfileCountsView(1,
                List.of(new CountView("crm", 1), new CountView("shop", 1)), List.of(new CountView("FR", 1))));

        projection.on(new SourceRecordsSplitEvent("p1", "p3", List.of(SHOP), "wrong", T0.plusSeconds(3)), 3);
        projection.on(new ProfileCreatedEvent("p3", SHOP, T0.plusSeconds(3)), 0);
        projection.on(new SourceRecordLinkedEvent("p3", SHOP, person("FR"), T0.plusSeconds(1), FOUNDING), 1);

        assertThat(counts.counts()).isEqualTo(new ProfileCountsView(2,
                List.of(new CountView("crm", 1), new CountView("shop", 1)),
                List.of(new CountView("DE", 1), new CountView("FR", 1))));
    }

    @Test
    void changedRecord_movesProfileToOtherCountry_whenItsCountryChanges() {
        link("p1", CRM, "DE", T0);

        projection.on(new SourceRecordChangedEvent("p1", CRM, person("AT"), T0.plusSeconds(60)), 2);

        assertThat(counts.counts().byCountry()).containsExactly(new CountView("AT", 1));
    }

    @Test
    void country_comesFromLatestReceivedRecord_whenRecordsArriveOutOfOrder() {
        link("p1", SHOP, "FR", T0.plusSeconds(60));
        projection.on(new SourceRecordLinkedEvent("p1", CRM, person("DE"), T0, FOUNDING), 2);
        projection.on(new SourceRecordLinkedEvent("p1", new SourceRecordKey("web", "w-1"), person(null),
                T0.plusSeconds(120), FOUNDING), 3);

        assertThat(counts.counts().byCountry()).containsExactly(new CountView("FR", 1));
    }

    @Test
    void country_followsSourceOrder_whenRecordsReceivedAtSameInstant() {
        link("p1", SHOP, "FR", T0);
        projection.on(new SourceRecordLinkedEvent("p1", CRM, person("DE"), T0, FOUNDING), 2);

        assertThat(counts.counts().byCountry()).containsExactly(new CountView("FR", 1));
    }

    @Test
    void redeliveredEvents_changeNothing_whenAlreadyApplied() {
        ProfileCreatedEvent created = new ProfileCreatedEvent("p1", CRM, T0);
        SourceRecordLinkedEvent linked = new SourceRecordLinkedEvent("p1", CRM, person("DE"), T0, FOUNDING);
        projection.on(created, 0);
        projection.on(linked, 1);
        projection.on(new SourceRecordChangedEvent("p1", CRM, person("AT"), T0.plusSeconds(60)), 2);
        List<Document> before = storedFacts();

        projection.on(created, 0);
        projection.on(linked, 1);

        assertThat(storedFacts()).isEqualTo(before);
        assertThat(before).singleElement().satisfies(doc -> {
            assertThat(doc.getLong("version")).isEqualTo(2L);
            assertThat(doc.getString("country")).isEqualTo("AT");
        });
    }

    @Test
    void reset_dropsAllFacts_whenProjectionReplays() {
        link("p1", CRM, "DE", T0);

        projection.onReset();

        assertThat(storedFacts()).isEmpty();
        assertThat(counts.counts()).isEqualTo(new ProfileCountsView(0, List.of(), List.of()));
    }

    @Test
    void storedFacts_holdNoPersonalData_whenRecordsCarryPersonFields() {
        link("p1", CRM, "DE", T0);
        projection.on(new SourceRecordChangedEvent("p1", CRM, person("AT"), T0.plusSeconds(60)), 2);

        String stored = storedFacts().toString() + storedFacts().stream().map(Document::toJson).toList();

        assertThat(stored).contains("AT", "crm")
                .doesNotContain("Ada", "Lovelace", "ada@example.org", "+4930123456", "Unter den Linden", "1815");
    }

    private void link(String profileId, SourceRecordKey key, String country, Instant receivedAt) {
        projection.on(new ProfileCreatedEvent(profileId, key, receivedAt), 0);
        long next = storedFacts().stream()
                .filter(doc -> doc.getString("_id").equals(profileId))
                .mapToLong(doc -> doc.getLong("version") + 1)
                .findFirst().orElseThrow();
        projection.on(new SourceRecordLinkedEvent(profileId, key, person(country), receivedAt, FOUNDING), next);
    }

    private static PersonData person(String country) {
        return new PersonData("Ada", "Lovelace", "ada@example.org", "+4930123456", LocalDate.of(1815, 12, 10),
                "Unter den Linden 1, Berlin", country);
    }

    private List<Document> storedFacts() {
        return database.getCollection(ProfileFactsRepository.FACTS).find()
                .sort(new Document("_id", 1))
                .into(new ArrayList<>());
    }
}
