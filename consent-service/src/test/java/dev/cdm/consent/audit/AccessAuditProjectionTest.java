package dev.cdm.consent.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.cdm.kernel.events.ConsentCheckedEvent;
import dev.cdm.kernel.events.ConsentsReadEvent;
import dev.cdm.kernel.events.PersonalDataReadEvent;
import dev.cdm.kernel.events.RecordsReadEvent;
import dev.cdm.kernel.events.RecordsReadEvent.AuditedRecord;
import dev.cdm.kernel.events.Regulation;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.events.SubjectDataExportedEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessAuditProjectionTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private static MongoServer server;
    private static MongoClient client;
    private AccessAuditRepository repository;
    private AccessAuditProjection projection;

    @BeforeAll
    static void startServer() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void setUp() {
        repository = new AccessAuditRepository(client.getDatabase("consent-" + UUID.randomUUID()));
        projection = new AccessAuditProjection(repository);
    }

    @Test
    void aRead_isListedForItsSubject_once_evenWhenDeliveredAgain() {
        PersonalDataReadEvent read = new PersonalDataReadEvent("p-1", "p-1", "analyst", "profile-service",
                "support", true, null, List.of(), List.of("email", "phone"), List.of(), "2026-12-03.2", T0);
        GenericEventMessage<PersonalDataReadEvent> message = new GenericEventMessage<>(read);

        projection.on(read, message);
        projection.on(read, message);

        assertThat(repository.of(AuditedSubject.withoutProfile("p-1"), 10)).singleElement().satisfies(entry -> {
            assertThat(entry.getString("caller")).isEqualTo("analyst");
            assertThat(entry.getString("purpose")).isEqualTo("support");
            assertThat(entry.getList("fields_masked", String.class)).containsExactly("email", "phone");
        });
        assertThat(repository.of(AuditedSubject.withoutProfile("p-2"), 10)).isEmpty();
    }

    @Test
    void anExport_isListedForTheProfile_andEachProfileMergedIntoIt_newestFirst() {
        projection.on(new PersonalDataReadEvent("p-1", "p-1", "support", "profile-service", "marketing", false,
                "NO_CONSENT", List.of(), List.of(), List.of(), "v", T0), new GenericEventMessage<>("x"));
        SubjectDataExportedEvent export = new SubjectDataExportedEvent("dsr-1", "p-1", List.of("p-0"), 3, "officer",
                Regulation.GDPR, T0, T0.plusSeconds(86_400), T0.plusSeconds(60), "ab".repeat(32), 2048);

        projection.on(export, new GenericEventMessage<>(export));

        List<Document> entries = repository.of(AuditedSubject.withoutProfile("p-1"), 10);
        assertThat(entries).extracting(entry -> entry.getString("kind")).containsExactly("export", "read");
        assertThat(entries.get(0).getString("caller")).isEqualTo("officer");
        assertThat(entries.get(0).getList("fields_in_clear", String.class)).contains("email", "birth_date");
        assertThat(repository.of(AuditedSubject.withoutProfile("p-0"), 10)).singleElement()
                .satisfies(entry -> assertThat(entry.getString("governing_subject_id")).isEqualTo("p-1"));
    }

    @Test
    void aListingOfRejects_isFoundByTheSubjectsRecords_orIdentifierKeys_andAnExportOfLinksByEverySubject() {
        RecordsReadEvent rejects = new RecordsReadEvent("rejects", "ingest", "ingestion-service", List.of(
                new AuditedRecord(new SourceRecordKey("shop", "r-1"), List.of("key-of-mara")),
                new AuditedRecord(new SourceRecordKey("shop", "r-2"), List.of("key-of-ivan"))),
                List.of(), List.of("email", "phone"), "v", T0);
        RecordsReadEvent links = new RecordsReadEvent("links", "admin", "profile-service", List.of(),
                List.of("source", "source_record_id", "profile_id"), List.of(), "v", T0.plusSeconds(1));
        projection.on(rejects, new GenericEventMessage<>(rejects));
        projection.on(links, new GenericEventMessage<>(links));

        AuditedSubject byRecord = AuditedSubject.withProfile("p-1", List.of(new SourceRecordKey("shop", "r-1")),
                List.of());
        AuditedSubject byIdentifier = AuditedSubject.withProfile("p-2", List.of(new SourceRecordKey("web", "w-9")),
                List.of("key-of-ivan"));
        AuditedSubject neither = AuditedSubject.withProfile("p-3", List.of(new SourceRecordKey("web", "w-3")),
                List.of("key-of-olga"));

        assertThat(repository.of(byRecord, 10)).extracting(entry -> entry.getString("kind"))
                .containsExactly("links", "rejects");
        assertThat(repository.of(byIdentifier, 10)).extracting(entry -> entry.getString("kind"))
                .containsExactly("links", "rejects");
        assertThat(repository.of(neither, 10)).extracting(entry -> entry.getString("kind"))
                .containsExactly("links");
        assertThat(repository.of(AuditedSubject.withoutProfile("p-1"), 10)).isEmpty();
        Document listed = repository.of(byRecord, 10).get(1);
        assertThat(listed.getString("caller")).isEqualTo("ingest");
        assertThat(listed.getList("fields_masked", String.class)).containsExactly("email", "phone");
        assertThat(listed.toJson()).doesNotContain("@");
        assertThat(repository.holdsRecordReads()).isTrue();
    }

    @Test
    void aReadOfConsents_isListedForItsSubject() {
        ConsentsReadEvent read = new ConsentsReadEvent("p-1", "p-1", "officer", "cdm-cli", null, T0);

        projection.on(read, new GenericEventMessage<>(read));

        assertThat(repository.of(AuditedSubject.withoutProfile("p-1"), 10)).singleElement().satisfies(entry -> {
            assertThat(entry.getString("kind")).isEqualTo("consents");
            assertThat(entry.getString("caller")).isEqualTo("officer");
        });
        assertThat(repository.holdsRecordReads()).isFalse();
    }

    @Test
    void aConsentCheck_isListedForItsSubject_namingPurposeAndChannel() {
        ConsentCheckedEvent everyChannel = new ConsentCheckedEvent("p-1", "p-1", "support", "cdm-cli", "ANALYTICS",
                "", T0);
        ConsentCheckedEvent byEmail = new ConsentCheckedEvent("p-1", "p-1", "support", "cdm-cli", "MARKETING_EMAIL",
                "email", T0.plusSeconds(1));

        projection.on(everyChannel, new GenericEventMessage<>(everyChannel));
        projection.on(byEmail, new GenericEventMessage<>(byEmail));

        assertThat(repository.of(AuditedSubject.withoutProfile("p-1"), 10))
                .allSatisfy(entry -> assertThat(entry.getString("kind")).isEqualTo("consent-check"))
                .extracting(entry -> entry.getList("fields_in_clear", String.class))
                .containsExactly(List.of("consents.marketing_email/email"), List.of("consents.analytics"));
    }

    @Test
    void aReset_dropsEverything_soAReplayRebuildsIt() {
        projection.on(new PersonalDataReadEvent("p-1", "p-1", "a", "b", "support", true, null, List.of(),
                List.of(), List.of(), "v", T0), new GenericEventMessage<>("x"));

        projection.onReset();

        assertThat(repository.of(AuditedSubject.withoutProfile("p-1"), 10)).isEmpty();
    }
}
