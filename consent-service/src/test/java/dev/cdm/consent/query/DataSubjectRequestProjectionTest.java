package dev.cdm.consent.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.cdm.consent.api.CompleteErasureCommand;
import dev.cdm.consent.api.DataSubjectRequestView;
import dev.cdm.kernel.crypto.DataKeys;
import dev.cdm.kernel.crypto.InMemoryDataKeyRepository;
import dev.cdm.kernel.events.DataKeysDestroyedEvent;
import dev.cdm.kernel.events.ErasedIdentifiers;
import dev.cdm.kernel.events.ErasureAcknowledgedEvent;
import dev.cdm.kernel.events.ErasureAcknowledgedEvent.PurgedStore;
import dev.cdm.kernel.events.ErasureCompletedEvent;
import dev.cdm.kernel.events.ErasureRequestedEvent;
import dev.cdm.kernel.events.ProcessingRestrictedEvent;
import dev.cdm.kernel.events.ProcessingRestrictionLiftedEvent;
import dev.cdm.kernel.events.RectificationAppliedEvent;
import dev.cdm.kernel.events.RectificationRequestedEvent;
import dev.cdm.kernel.events.Regulation;
import dev.cdm.kernel.events.RestrictionRequestedEvent;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.events.SubjectDataExportedEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DataSubjectRequestProjectionTest {

    private static final String ID = "dsr-1";
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant DONE = Instant.parse("2026-03-01T10:00:02Z");
    private static final List<SourceRecordKey> RECORDS = List.of(new SourceRecordKey("web", "1"));
    private static final List<String> PARTICIPANTS = List.of("ingestion-service", "profile-service");

    private MongoServer server;
    private MongoClient client;
    private DataSubjectRequestRepository repository;
    private DataSubjectRequestProjection projection;
    private final List<CompleteErasureCommand> completions = new ArrayList<>();
    private final DataKeys keys = InMemoryDataKeyRepository.keys();
    private String requestKeyId;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        repository = new DataSubjectRequestRepository(client.getDatabase("cdm-consent-test"));
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(CompleteErasureCommand.class.getName(), (CommandMessage<?> command) -> {
            completions.add((CompleteErasureCommand) command.getPayload());
            return null;
        });
        projection = new DataSubjectRequestProjection(repository,
                DefaultCommandGateway.builder().commandBus(bus).build(), keys, PARTICIPANTS,
                Clock.fixed(DONE, ZoneOffset.UTC));
        projection.on(new ErasureRequestedEvent(ID, "p-1", List.of("p-2"), RECORDS, "officer", T0,
                T0.plusSeconds(30 * 86_400), Regulation.GDPR));
        requestKeyId = keys.keyFor(ErasedIdentifiers.requestKeyOf(ID)).keyId();
        projection.on(new DataKeysDestroyedEvent(ID, List.of("p-1", "p-2"), RECORDS, List.of("k-1"),
                ErasedIdentifiers.of(ID, List.of("h-email")), T0.plusSeconds(1)));
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aRequest_showsItsProgress_andWhoHasNotAcknowledgedYet() {
        projection.on(ack("profile-service", 3));

        DataSubjectRequestView view = repository.find(ID).orElseThrow();
        assertThat(view.status()).isEqualTo(DataSubjectRequestView.Status.KEYS_DESTROYED);
        assertThat(view.profileIds()).containsExactly("p-1", "p-2");
        assertThat(view.destroyedKeyIds()).containsExactly("k-1");
        assertThat(view.pendingServices(PARTICIPANTS)).containsExactly("ingestion-service");
        assertThat(repository.openErasureOf("p-1")).isPresent();
        assertThat(completions).isEmpty();
        assertThat(keys.key(requestKeyId)).as("the identifiers stay readable while services purge").isPresent();
    }

    @Test
    void theLastAcknowledgement_completesTheRequest_withTheHashOfItsEvidence() {
        projection.on(ack("profile-service", 3));
        projection.on(ack("ingestion-service", 0));

        assertThat(keys.key(requestKeyId)).as("the key that sealed the subject's identifiers").isEmpty();
        assertThat(completions).hasSize(1);
        CompleteErasureCommand complete = completions.get(0);
        assertThat(complete.completedAt()).isEqualTo(DONE);
        assertThat(complete.evidenceSha256()).isEqualTo(ErasureCertificates.evidenceSha256(
                repository.find(ID).orElseThrow(), DONE)).matches("[0-9a-f]{64}");
    }

    @Test
    void aRepeatedAcknowledgement_changesNeitherTheRequestNorItsEvidence() {
        projection.on(ack("profile-service", 3));
        DataSubjectRequestView before = repository.find(ID).orElseThrow();

        projection.on(new ErasureAcknowledgedEvent(ID, "profile-service", List.of(new PurgedStore("x", 9)),
                T0.plusSeconds(99)));

        assertThat(repository.find(ID).orElseThrow()).isEqualTo(before);
    }

    @Test
    void aCompletedRequest_isNoLongerOpen() {
        projection.on(new ErasureCompletedEvent(ID, DONE, "ab".repeat(32)));

        DataSubjectRequestView view = repository.find(ID).orElseThrow();
        assertThat(view.status()).isEqualTo(DataSubjectRequestView.Status.COMPLETED);
        assertThat(view.evidenceSha256()).isEqualTo("ab".repeat(32));
        assertThat(repository.openErasureOf("p-1")).isEmpty();
    }

    @Test
    void anErasure_hasATrail_ofEveryStepInOrder() {
        projection.on(ack("profile-service", 3));
        projection.on(new ErasureCompletedEvent(ID, DONE, "ab".repeat(32)));

        assertThat(repository.find(ID).orElseThrow().trail())
                .extracting(DataSubjectRequestView.AuditStep::step, DataSubjectRequestView.AuditStep::actor)
                .containsExactly(tuple("requested", "officer"), tuple("keys-destroyed", "consent-service"),
                        tuple("acknowledged", "profile-service"), tuple("completed", "consent-service"));
    }

    @Test
    void aRestriction_isInForceFromItsEvent_untilLifted() {
        projection.on(new RestrictionRequestedEvent("dsr-r", "p-7", List.of(), "officer", Regulation.CCPA, T0,
                T0.plusSeconds(45 * 86_400)));
        assertThat(repository.find("dsr-r").orElseThrow().status())
                .isEqualTo(DataSubjectRequestView.Status.REQUESTED);

        projection.on(new ProcessingRestrictedEvent("p-7", "dsr-r", T0.plusSeconds(1)));
        DataSubjectRequestView inForce = repository.find("dsr-r").orElseThrow();
        assertThat(inForce.status()).isEqualTo(DataSubjectRequestView.Status.IN_FORCE);
        assertThat(inForce.regulation()).isEqualTo(Regulation.CCPA);
        assertThat(inForce.fulfilledAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(repository.restrictionInForceOf("p-7")).isPresent();
        assertThat(repository.openErasureOf("p-7")).isEmpty();

        projection.on(new ProcessingRestrictionLiftedEvent("p-7", "dsr-r", "dpo", T0.plusSeconds(9)));
        DataSubjectRequestView lifted = repository.find("dsr-r").orElseThrow();
        assertThat(lifted.status()).isEqualTo(DataSubjectRequestView.Status.LIFTED);
        assertThat(lifted.trail()).extracting(DataSubjectRequestView.AuditStep::step)
                .containsExactly("requested", "restricted", "lifted");
        assertThat(repository.restrictionInForceOf("p-7")).isEmpty();
    }

    @Test
    void anExport_isCompletedWithItsHashAndSize() {
        projection.on(new SubjectDataExportedEvent("dsr-x", "p-1", List.of("p-2"), 2, "officer", Regulation.GDPR,
                T0, T0.plusSeconds(30 * 86_400), T0.plusSeconds(1), "cd".repeat(32), 4096));

        DataSubjectRequestView export = repository.find("dsr-x").orElseThrow();
        assertThat(export.type()).isEqualTo(DataSubjectRequestView.Type.EXPORT);
        assertThat(export.status()).isEqualTo(DataSubjectRequestView.Status.COMPLETED);
        assertThat(export.contentBytes()).isEqualTo(4096);
        assertThat(export.evidenceSha256()).isEqualTo("cd".repeat(32));
        assertThat(repository.about(List.of("p-2"))).extracting(DataSubjectRequestView::requestId)
                .containsExactly(ID, "dsr-x");
    }

    @Test
    void aRectification_keepsTheNamesOfItsFields_andCompletesWhenApplied() {
        projection.on(new RectificationRequestedEvent("dsr-f", "p-1", List.of(), "officer", Regulation.GDPR, T0,
                T0.plusSeconds(30 * 86_400), List.of("email", "address")));
        assertThat(repository.find("dsr-f").orElseThrow().status()).isEqualTo(DataSubjectRequestView.Status.REQUESTED);

        projection.on(new RectificationAppliedEvent("dsr-f", "p-1", SourceRecordKey.rectification("dsr-f"),
                T0.plusSeconds(1)));

        DataSubjectRequestView rectified = repository.find("dsr-f").orElseThrow();
        assertThat(rectified.status()).isEqualTo(DataSubjectRequestView.Status.COMPLETED);
        assertThat(rectified.correctedFields()).containsExactly("email", "address");
        assertThat(rectified.trail()).extracting(DataSubjectRequestView.AuditStep::step)
                .containsExactly("requested", "rectified");
        assertThat(repository.openErasureOf("p-1")).get().extracting(DataSubjectRequestView::requestId)
                .isEqualTo(ID);
    }

    @Test
    void list_showsOverdueRequests_onlyUntilTheyAreAnswered() {
        Instant afterDeadline = T0.plusSeconds(31 * 86_400);
        projection.on(new RestrictionRequestedEvent("dsr-r", "p-7", List.of(), "officer", Regulation.GDPR,
                T0.plusSeconds(5), T0.plusSeconds(30 * 86_400)));

        assertThat(repository.list(true, afterDeadline, 10)).extracting(DataSubjectRequestView::requestId)
                .containsExactly("dsr-r", ID);
        assertThat(repository.list(true, T0.plusSeconds(60), 10)).isEmpty();
        assertThat(repository.find(ID).orElseThrow().overdue(afterDeadline)).isTrue();

        projection.on(new ErasureCompletedEvent(ID, DONE, "ab".repeat(32)));
        projection.on(new ProcessingRestrictedEvent("p-7", "dsr-r", T0.plusSeconds(6)));

        assertThat(repository.list(true, afterDeadline, 10)).isEmpty();
        assertThat(repository.list(false, afterDeadline, 1)).extracting(DataSubjectRequestView::requestId)
                .containsExactly("dsr-r");
    }

    private static ErasureAcknowledgedEvent ack(String service, long removed) {
        return new ErasureAcknowledgedEvent(ID, service, List.of(new PurgedStore("cdm-x.y", removed)),
                T0.plusSeconds(2));
    }
}
