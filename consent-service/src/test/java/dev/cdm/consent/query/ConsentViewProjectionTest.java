package dev.cdm.consent.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.cdm.consent.api.SubjectConsentsView;
import dev.cdm.kernel.events.ConsentDecision;
import dev.cdm.kernel.events.ConsentProof;
import dev.cdm.kernel.events.ConsentRecordedEvent;
import dev.cdm.kernel.events.ConsentStatus;
import dev.cdm.kernel.events.ConsentsAdoptedEvent;
import dev.cdm.kernel.events.ConsentsMergedIntoEvent;
import dev.cdm.kernel.events.LegalBasis;
import dev.cdm.kernel.events.Purpose;
import dev.cdm.kernel.events.SaleOptOut;
import dev.cdm.kernel.events.SaleOptOutRecordedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConsentViewProjectionTest {

    private static final String SUBJECT = "subject-1";
    private static final Instant T0 = Instant.parse("2026-01-10T10:00:00.123Z");
    private static final ConsentProof PROOF = new ConsentProof("web-signup", T0.minusSeconds(5), "v3", "checkbox",
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");

    private static MongoServer server;
    private static MongoClient client;
    private MongoDatabase database;
    private ConsentViewProjection projection;
    private ConsentViewRepository repository;

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
        database = client.getDatabase("consent-" + UUID.randomUUID());
        repository = new ConsentViewRepository(database);
        projection = new ConsentViewProjection(repository);
    }

    @Test
    void on_storesDecisionWithProofAndExpiry_whenFirstEventOfSubject() {
        Instant expiresAt = T0.plusSeconds(86_400);
        projection.on(event("email", ConsentStatus.GRANTED, PROOF, expiresAt, T0), 0);

        assertThat(repository.find(SUBJECT)).contains(new SubjectConsentsView(SUBJECT, List.of(new ConsentDecision(
                Purpose.MARKETING_EMAIL, "email", ConsentStatus.GRANTED, LegalBasis.CONSENT, PROOF, expiresAt, T0)),
                null, null, null, null, 0));
    }

    @Test
    void on_replacesDecisionOfSameChannelOnly_whenLaterEventArrives() {
        projection.on(event("sms", ConsentStatus.GRANTED, PROOF, null, T0), 0);
        projection.on(event("email", ConsentStatus.GRANTED, PROOF, null, T0), 1);
        projection.on(event("sms", ConsentStatus.WITHDRAWN, null, null, T0.plusSeconds(60)), 2);

        SubjectConsentsView view = repository.find(SUBJECT).orElseThrow();
        assertThat(view.version()).isEqualTo(2);
        assertThat(view.consents()).extracting(ConsentDecision::channel, ConsentDecision::status, ConsentDecision::recordedAt)
                .containsExactly(
                        tuple("email", ConsentStatus.GRANTED, T0),
                        tuple("sms", ConsentStatus.WITHDRAWN, T0.plusSeconds(60)));
    }

    @Test
    void on_changesNothing_whenSameEventsAreDeliveredAgain() {
        ConsentRecordedEvent grant = event("email", ConsentStatus.GRANTED, PROOF, null, T0);
        ConsentRecordedEvent withdrawal = event("email", ConsentStatus.WITHDRAWN, null, null, T0.plusSeconds(60));
        projection.on(grant, 0);
        projection.on(withdrawal, 1);
        List<Document> before = allDocuments();

        projection.on(grant, 0);
        projection.on(withdrawal, 1);

        assertThat(allDocuments()).isEqualTo(before);
        assertThat(repository.find(SUBJECT).orElseThrow().consents())
                .extracting(ConsentDecision::status).containsExactly(ConsentStatus.WITHDRAWN);
    }

    @Test
    void onReset_dropsReadModel_whenDataExists() {
        projection.on(event("email", ConsentStatus.GRANTED, PROOF, null, T0), 0);

        projection.onReset();

        assertThat(repository.find(SUBJECT)).isEmpty();
        assertThat(database.listCollectionNames().into(new ArrayList<>()))
                .doesNotContain(ConsentViewRepository.CONSENTS);
    }

    @Test
    void replay_rebuildsIdenticalDocuments_whenResetAndFedSameEvents() {
        List<ConsentRecordedEvent> history = List.of(
                event("email", ConsentStatus.GRANTED, PROOF, T0.plusSeconds(3600), T0),
                event("", ConsentStatus.DENIED, null, null, T0.plusSeconds(1)),
                event("email", ConsentStatus.WITHDRAWN, null, null, T0.plusSeconds(2)));
        feed(history);
        List<Document> before = allDocuments();

        projection.onReset();
        feed(history);

        assertThat(allDocuments()).isNotEmpty().isEqualTo(before);
    }

    @Test
    void on_keepsSaleOptOutAndMerge_whenSubjectOptsOutAndIsMerged() {
        projection.on(event("email", ConsentStatus.GRANTED, PROOF, null, T0), 0);
        projection.on(new SaleOptOutRecordedEvent(SUBJECT, true, "gpc-signal", T0.plusSeconds(1)), 1);
        projection.on(new ConsentsMergedIntoEvent(SUBJECT, "survivor", T0.plusSeconds(2)), 2);

        SubjectConsentsView view = repository.find(SUBJECT).orElseThrow();
        assertThat(view.saleOptOut()).isEqualTo(new SaleOptOut(true, "gpc-signal", T0.plusSeconds(1)));
        assertThat(view.mergedInto()).isEqualTo("survivor");
        assertThat(view.consents()).hasSize(1);
    }

    @Test
    void on_takesMoreRecentDecisionPerScope_whenConsentsAdopted() {
        projection.on(event("email", ConsentStatus.GRANTED, PROOF, null, T0.plusSeconds(10)), 0);
        ConsentDecision olderDenial = event("email", ConsentStatus.DENIED, null, null, T0).decision();
        ConsentDecision newerSmsDenial = new ConsentDecision(Purpose.MARKETING_SMS, "", ConsentStatus.DENIED,
                LegalBasis.CONSENT, null, null, T0.plusSeconds(20));

        projection.on(new ConsentsAdoptedEvent(SUBJECT, "merged", ConsentsAdoptedEvent.Reason.MERGE,
                List.of(olderDenial, newerSmsDenial), null, T0.plusSeconds(30)), 1);

        assertThat(repository.find(SUBJECT).orElseThrow().consents())
                .extracting(ConsentDecision::purpose, ConsentDecision::status)
                .containsExactly(tuple(Purpose.MARKETING_EMAIL, ConsentStatus.GRANTED),
                        tuple(Purpose.MARKETING_SMS, ConsentStatus.DENIED));
    }

    @Test
    void find_returnsEmpty_whenSubjectHasNoDecisions() {
        assertThat(repository.find("unknown-subject")).isEmpty();
    }

    private void feed(List<ConsentRecordedEvent> events) {
        for (int sequence = 0; sequence < events.size(); sequence++) {
            projection.on(events.get(sequence), sequence);
        }
    }

    private List<Document> allDocuments() {
        return database.getCollection(ConsentViewRepository.CONSENTS).find().into(new ArrayList<>());
    }

    private static ConsentRecordedEvent event(String channel, ConsentStatus status, ConsentProof proof,
                                              Instant expiresAt, Instant recordedAt) {
        return new ConsentRecordedEvent(SUBJECT, Purpose.MARKETING_EMAIL, channel, status, LegalBasis.CONSENT, proof,
                expiresAt, recordedAt);
    }
}
