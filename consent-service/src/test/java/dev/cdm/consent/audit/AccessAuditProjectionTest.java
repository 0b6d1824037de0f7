package dev.cdm.consent.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.cdm.kernel.events.PersonalDataReadEvent;
import dev.cdm.kernel.events.Regulation;
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

        assertThat(repository.ofSubject("p-1", 10)).singleElement().satisfies(entry -> {
            assertThat(entry.getString("caller")).isEqualTo("analyst");
            assertThat(entry.getString("purpose")).isEqualTo("support");
            assertThat(entry.getList("fields_masked", String.class)).containsExactly("email", "phone");
        });
        assertThat(repository.ofSubject("p-2", 10)).isEmpty();
    }

    @Test
    void anExport_isListedForTheProfile_andEachProfileMergedIntoIt_newestFirst() {
        projection.on(new PersonalDataReadEvent("p-1", "p-1", "support", "profile-service", "marketing", false,
                "NO_CONSENT", List.of(), List.of(), List.of(), "v", T0), new GenericEventMessage<>("x"));
        SubjectDataExportedEvent export = new SubjectDataExportedEvent("dsr-1", "p-1", List.of("p-0"), 3, "officer",
                Regulation.GDPR, T0, T0.plusSeconds(86_400), T0.plusSeconds(60), "ab".repeat(32), 2048);

        projection.on(export, new GenericEventMessage<>(export));

        List<Document> entries = repository.ofSubject("p-1", 10);
        assertThat(entries).extracting(entry -> entry.getString("kind")).containsExactly("export", "read");
        assertThat(entries.get(0).getString("caller")).isEqualTo("officer");
        assertThat(entries.get(0).getList("fields_in_clear", String.class)).contains("email", "birth_date");
        assertThat(repository.ofSubject("p-0", 10)).singleElement()
                .satisfies(entry -> assertThat(entry.getString("governing_subject_id")).isEqualTo("p-1"));
    }

    @Test
    void aReset_dropsEverything_soAReplayRebuildsIt() {
        projection.on(new PersonalDataReadEvent("p-1", "p-1", "a", "b", "support", true, null, List.of(),
                List.of(), List.of(), "v", T0), new GenericEventMessage<>("x"));

        projection.onReset();

        assertThat(repository.ofSubject("p-1", 10)).isEmpty();
    }
}
