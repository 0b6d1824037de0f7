package dev.cdm.consent.grpc;

import static dev.cdm.consent.grpc.ConsentRequests.get;
import static dev.cdm.consent.grpc.ConsentRequests.grant;
import static dev.cdm.consent.grpc.ConsentRequests.withdraw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import dev.cdm.consent.audit.AccessAuditProjection;
import dev.cdm.consent.query.ConsentViewProjection;
import dev.cdm.consent.query.DataSubjectRequestProjection;
import dev.cdm.kernel.axon.AxonModule;
import dev.cdm.kernel.events.ErasureAcknowledgedEvent;
import dev.cdm.kernel.events.ProfileMergedIntoEvent;
import dev.cdm.kernel.projection.RebuildableProjection;
import dev.cdm.proto.v1.AccessedData;
import dev.cdm.proto.v1.AccessedRecord;
import dev.cdm.proto.v1.AwaitProjectionsRequest;
import dev.cdm.proto.v1.CheckPurposeRequest;
import dev.cdm.proto.v1.ConsentServiceGrpc;
import dev.cdm.proto.v1.ConsentServiceGrpc.ConsentServiceBlockingStub;
import dev.cdm.proto.v1.ConsentStatus;
import dev.cdm.proto.v1.DataSubjectRequestsGrpc;
import dev.cdm.proto.v1.DataSubjectRequestsGrpc.DataSubjectRequestsBlockingStub;
import dev.cdm.proto.v1.DecideReadsRequest;
import dev.cdm.proto.v1.GetRequestRequest;
import dev.cdm.proto.v1.LiftRestrictionRequest;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.PlaceLegalHoldRequest;
import dev.cdm.proto.v1.ProjectionAdminServiceGrpc;
import dev.cdm.proto.v1.ProjectionAdminServiceGrpc.ProjectionAdminServiceBlockingStub;
import dev.cdm.proto.v1.Purpose;
import dev.cdm.proto.v1.ReadPurpose;
import dev.cdm.proto.v1.RecordAccessRequest;
import dev.cdm.proto.v1.ReleaseLegalHoldRequest;
import dev.cdm.proto.v1.ReplayProjectionRequest;
import dev.cdm.proto.v1.ReplayProjectionResponse;
import dev.cdm.proto.v1.RequestErasureRequest;
import dev.cdm.proto.v1.RequestRectificationRequest;
import dev.cdm.proto.v1.RequestRestrictionRequest;
import dev.cdm.proto.v1.SetConsentRequest;
import dev.cdm.proto.v1.SetSaleOptOutRequest;
import dev.cdm.proto.v1.SourceRecordKey;
import dev.cdm.proto.v1.SubjectRef;
import dev.cdm.testing.EmbeddedStoresResource;
import dev.cdm.testing.GrpcTestChannel;
import dev.cdm.testing.KeycloakResource;
import dev.cdm.testing.ReadModelSnapshot;
import io.grpc.ManagedChannel;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 4: every projection consent-service declares rebuildable, rebuilt by a replay, equals the one maintained live
 * over decisions, a policy change, a merge, audited reads and data-subject requests of every kind it projects.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedStoresResource.class)
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(value = FakeProfileServiceResource.class, restrictToAnnotatedClass = true)
class ConsentReplayTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final List<String> OTHER_PARTICIPANTS = List.of("ingestion-service", "profile-service",
            "analytics-service");

    @TestHTTPResource("/")
    URL server;

    @Inject
    MongoClient mongo;

    @Inject
    EventStore eventStore;

    @Inject
    Instance<AxonModule> modules;

    @ConfigProperty(name = "cdm.mongodb.database")
    String database;

    private ManagedChannel channel;

    @BeforeEach
    void connect() {
        channel = ConsentRequests.channelTo(server);
    }

    @AfterEach
    void disconnect() {
        channel.shutdownNow();
    }

    @Test
    void replayOfEveryProjection_rebuildsTheReadModelMaintainedLive() {
        recordDecisionsAndAPolicyChange();
        mergeASubjectIntoAnother();
        readAudited();
        makeDataSubjectRequests();
        admin().awaitProjections(AwaitProjectionsRequest.getDefaultInstance());
        Map<String, ReadModelSnapshot> live = snapshotOfEachProjection();
        assertThat(live).containsOnlyKeys(ConsentViewProjection.NAME, DataSubjectRequestProjection.NAME,
                AccessAuditProjection.NAME);
        live.values().forEach(snapshot -> assertThat(snapshot.sizes().values()).allMatch(size -> size > 0));

        for (String projection : live.keySet()) {
            ReplayProjectionResponse replay = admin().replayProjection(ReplayProjectionRequest.newBuilder()
                    .setName(projection).build());
            assertThat(replay.getStatus().getCaughtUp()).as(projection).isTrue();
        }

        snapshotOfEachProjection().forEach((projection, rebuilt) ->
                assertThat(rebuilt.differencesFrom(live.get(projection))).as(projection).isEmpty());
    }

    private void recordDecisionsAndAPolicyChange() {
        ConsentServiceBlockingStub consents = consents("admin");
        String granted = subject();
        String withdrawn = subject();
        String optedOut = subject();
        consents.setConsent(grant(granted));
        consents.setConsent(grant(withdrawn));
        consents.setConsent(withdraw(withdrawn));
        consents.setConsent(SetConsentRequest.newBuilder().setSubjectId(optedOut)
                .setPurpose(Purpose.PURPOSE_MARKETING_SMS).setStatus(ConsentStatus.CONSENT_STATUS_DENIED).build());
        consents.setSaleOptOut(SetSaleOptOutRequest.newBuilder().setSubjectId(optedOut).setOptedOut(true)
                .setSource("gpc-signal").build());
        SetConsentRequest underOldPolicy = grant(granted);
        consents.setConsent(underOldPolicy.toBuilder().setProof(underOldPolicy.getProof().toBuilder()
                .setPolicyVersion("v4")).build());
    }

    /** profile-service merges a profile with a consent into another one; consents follow it (consent lineage). */
    private void mergeASubjectIntoAnother() {
        String merged = subject();
        String survivor = subject();
        consents("admin").setConsent(grant(merged));
        ConsentRequests.appendProfileEvent(eventStore, merged, 0);
        ConsentRequests.append(eventStore, "CustomerProfile", merged, 1,
                new ProfileMergedIntoEvent(merged, survivor, Instant.now()));
        await().atMost(DEADLINE).until(() -> consents("admin").getConsents(get(merged)).getGoverningSubjectId()
                .equals(survivor));
    }

    private void readAudited() {
        String subject = subject();
        consents("admin").setConsent(grant(subject));
        consents("officer").getConsents(get(subject));
        consents("support").checkPurpose(CheckPurposeRequest.newBuilder().setSubjectId(subject)
                .setPurpose(Purpose.PURPOSE_MARKETING_EMAIL).setChannel("email").build());
        ConsentServiceGrpc.newBlockingStub(channel).withCallCredentials(
                        GrpcTestChannel.credentialsOfService("profile-service", "support", "profile-reader"))
                .withDeadlineAfter(DEADLINE)
                .decideReads(DecideReadsRequest.newBuilder().addSubjectIds(subject)
                        .setPurpose(ReadPurpose.READ_PURPOSE_SUPPORT).addCallerRoles("profile-reader").build());
        ConsentServiceGrpc.newBlockingStub(channel).withCallCredentials(
                        GrpcTestChannel.credentialsOfService("ingestion-service", "ingest", "ingest-writer"))
                .withDeadlineAfter(DEADLINE)
                .recordAccess(RecordAccessRequest.newBuilder().setData(AccessedData.ACCESSED_DATA_REJECTS)
                        .addRecords(AccessedRecord.newBuilder().setKey(SourceRecordKey.newBuilder()
                                .setSource("shop").setSourceRecordId("r-" + subject))
                                .addIdentifierKeys("k".repeat(64)))
                        .addFields("email").build());
    }

    /** A restriction lifted, a legal hold released, a rectification, and an erasure every participant completes. */
    private void makeDataSubjectRequests() {
        DataSubjectRequestsBlockingStub requests = requests();
        SubjectRef restricted = profile(subject());
        requests.requestRestriction(RequestRestrictionRequest.newBuilder().setSubject(restricted)
                .setRequestedBy("officer").build());
        requests.liftRestriction(LiftRestrictionRequest.newBuilder().setSubject(restricted)
                .setRequestedBy("officer").build());
        SubjectRef held = profile(subject());
        requests.placeLegalHold(PlaceLegalHoldRequest.newBuilder().setSubject(held).setPlacedBy("officer")
                .setReason("litigation").build());
        requests.releaseLegalHold(ReleaseLegalHoldRequest.newBuilder().setSubject(held).setReleasedBy("officer")
                .build());
        requests.requestRectification(RequestRectificationRequest.newBuilder().setSubject(profile(subject()))
                .setRequestedBy("officer").setCorrections(PersonFields.newBuilder().setEmail("right@example.org"))
                .build());
        String erasure = requests.requestErasure(RequestErasureRequest.newBuilder().setSubject(profile(subject()))
                .setRequestedBy("officer").build()).getRequestId();
        OTHER_PARTICIPANTS.forEach(service -> ConsentRequests.publish(eventStore, new ErasureAcknowledgedEvent(
                erasure, service, List.of(new ErasureAcknowledgedEvent.PurgedStore(service + "-store", 1)),
                Instant.now())));
        await().atMost(DEADLINE).until(() -> requests().getRequest(GetRequestRequest.newBuilder()
                .setRequestId(erasure).build()).hasCompletedAt());
    }

    /** The documents of every collection of each projection this service declares rebuildable, by its name. */
    private Map<String, ReadModelSnapshot> snapshotOfEachProjection() {
        Map<String, ReadModelSnapshot> snapshots = new LinkedHashMap<>();
        for (AxonModule module : modules) {
            for (RebuildableProjection projection : module.rebuildableProjections()) {
                snapshots.put(projection.name(), ReadModelSnapshot.of(mongo.getDatabase(database),
                        projection.collections()));
            }
        }
        return snapshots;
    }

    private ConsentServiceBlockingStub consents(String user) {
        return ConsentServiceGrpc.newBlockingStub(channel).withCallCredentials(ConsentRequests.as(user))
                .withDeadlineAfter(DEADLINE);
    }

    private DataSubjectRequestsBlockingStub requests() {
        return DataSubjectRequestsGrpc.newBlockingStub(channel).withCallCredentials(ConsentRequests.as("officer"))
                .withDeadlineAfter(DEADLINE);
    }

    private ProjectionAdminServiceBlockingStub admin() {
        return ProjectionAdminServiceGrpc.newBlockingStub(channel).withCallCredentials(ConsentRequests.as("admin"))
                .withDeadlineAfter(DEADLINE);
    }

    private static SubjectRef profile(String profileId) {
        return SubjectRef.newBuilder().setProfileId(profileId).build();
    }

    private static String subject() {
        return UUID.randomUUID().toString();
    }
}
