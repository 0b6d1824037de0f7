package dev.cdm.consent.grpc;

import static dev.cdm.consent.grpc.ConsentRequests.fieldViolations;
import static dev.cdm.consent.grpc.ConsentRequests.get;
import static dev.cdm.consent.grpc.ConsentRequests.grant;
import static dev.cdm.consent.grpc.ConsentRequests.withdraw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Timestamp;
import dev.cdm.kernel.events.ConsentRecordedEvent;
import dev.cdm.kernel.events.LegalBasis;
import dev.cdm.kernel.events.ProfileMergedIntoEvent;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.events.SourceRecordsSplitEvent;
import dev.cdm.proto.v1.CheckPurposeRequest;
import dev.cdm.proto.v1.CheckPurposeResponse;
import dev.cdm.proto.v1.ConsentServiceGrpc;
import dev.cdm.proto.v1.ConsentStatus;
import dev.cdm.proto.v1.GetConsentsResponse;
import dev.cdm.proto.v1.ListProjectionsRequest;
import dev.cdm.proto.v1.ProjectionAdminServiceGrpc;
import dev.cdm.proto.v1.Purpose;
import dev.cdm.proto.v1.PurposeDecisionReason;
import dev.cdm.proto.v1.ReplayProjectionRequest;
import dev.cdm.proto.v1.SetConsentRequest;
import dev.cdm.proto.v1.SetSaleOptOutRequest;
import dev.cdm.testing.EmbeddedStoresResource;
import dev.cdm.testing.KeycloakResource;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The consent ledger over gRPC: time travel, the policy decision and its cache, sale opt-out, merges and splits. */
@QuarkusTest
@QuarkusTestResource(EmbeddedStoresResource.class)
@QuarkusTestResource(KeycloakResource.class)
class ConsentPolicyGrpcTest {

    private static final Duration PROCESSING = Duration.ofSeconds(15);

    @TestHTTPResource("/")
    URL server;

    @Inject
    EventStore eventStore;

    private ManagedChannel channel;
    private ConsentServiceGrpc.ConsentServiceBlockingStub consents;

    @BeforeEach
    void connect() {
        channel = ConsentRequests.channelTo(server);
        consents = ConsentServiceGrpc.newBlockingStub(channel).withCallCredentials(ConsentRequests.as("admin")).withDeadlineAfter(Duration.ofSeconds(30));
    }

    @AfterEach
    void disconnect() {
        channel.shutdownNow();
    }

    @Test
    void getConsentsAsOf_answersWhatWasInForceThen() {
        String subject = UUID.randomUUID().toString();
        Timestamp before = now();
        consents.setConsent(grant(subject));
        Timestamp granted = consents.getConsents(get(subject)).getConsents(0).getRecordedAt();
        sleepPastMillisecond();
        consents.setConsent(withdraw(subject));

        assertThat(consents.getConsents(get(subject).toBuilder().setAsOf(before).build()).getConsentsList())
                .isEmpty();
        assertThat(statusesAsOf(subject, granted)).containsExactly(ConsentStatus.CONSENT_STATUS_GRANTED);
        assertThat(statusesAsOf(subject, now())).containsExactly(ConsentStatus.CONSENT_STATUS_WITHDRAWN);
    }

    @Test
    void checkPurpose_followsOwnChangesAtOnce() {
        String subject = UUID.randomUUID().toString();
        assertThat(check(subject, Purpose.PURPOSE_MARKETING_EMAIL).getReason())
                .isEqualTo(PurposeDecisionReason.PURPOSE_DECISION_REASON_NO_DECISION);

        consents.setConsent(grant(subject));
        CheckPurposeResponse allowed = check(subject, Purpose.PURPOSE_MARKETING_EMAIL);
        consents.setConsent(withdraw(subject));
        CheckPurposeResponse refused = check(subject, Purpose.PURPOSE_MARKETING_EMAIL);

        assertThat(allowed.getAllowed()).isTrue();
        assertThat(allowed.getDecision().getProof().getSource()).isEqualTo("web-signup");
        assertThat(refused.getAllowed()).isFalse();
        assertThat(refused.getReason()).isEqualTo(PurposeDecisionReason.PURPOSE_DECISION_REASON_WITHDRAWN);
    }

    @Test
    void checkPurpose_seesDecisionRecordedElsewhere_onceItsEventIsStored() {
        String subject = UUID.randomUUID().toString();
        assertThat(check(subject, Purpose.PURPOSE_ANALYTICS).getAllowed()).isFalse(); // now cached

        append("SubjectConsents", "consent:" + subject, 0, new ConsentRecordedEvent(subject,
                dev.cdm.kernel.events.Purpose.ANALYTICS, "", dev.cdm.kernel.events.ConsentStatus.GRANTED,
                LegalBasis.LEGITIMATE_INTEREST, null, null, Instant.now()));

        await().atMost(PROCESSING).until(() -> check(subject, Purpose.PURPOSE_ANALYTICS).getAllowed());
    }

    @Test
    void saleOptOut_refusesThirdPartySharing_despiteGrant() {
        String subject = UUID.randomUUID().toString();
        consents.setConsent(grant(subject).toBuilder().setPurpose(Purpose.PURPOSE_THIRD_PARTY_SHARING)
                .clearChannel().build());
        assertThat(check(subject, Purpose.PURPOSE_THIRD_PARTY_SHARING).getAllowed()).isTrue();

        assertThat(consents.setSaleOptOut(optOut(subject, true)).getChanged()).isTrue();
        assertThat(consents.setSaleOptOut(optOut(subject, true)).getChanged()).isFalse();

        assertThat(check(subject, Purpose.PURPOSE_THIRD_PARTY_SHARING).getReason())
                .isEqualTo(PurposeDecisionReason.PURPOSE_DECISION_REASON_SALE_OPT_OUT);
        GetConsentsResponse held = consents.getConsents(get(subject));
        assertThat(held.getSaleOptOut().getOptedOut()).isTrue();
        assertThat(held.getSaleOptOut().getSource()).isEqualTo("gpc-signal");
    }

    @Test
    void consents_followMerge_andDecisionsForMergedSubjectGoToSurvivor() {
        String survivor = UUID.randomUUID().toString();
        String merged = UUID.randomUUID().toString();
        consents.setConsent(grant(merged));
        ConsentRequests.appendProfileEvent(eventStore, merged, 0);
        append("CustomerProfile", merged, 1, new ProfileMergedIntoEvent(merged, survivor, Instant.now()));

        await().atMost(PROCESSING).until(() -> check(survivor, Purpose.PURPOSE_MARKETING_EMAIL).getAllowed());
        assertThat(consents.getConsents(get(merged)).getGoverningSubjectId()).isEqualTo(survivor);

        var recorded = consents.setConsent(withdraw(merged));

        assertThat(recorded.getGoverningSubjectId()).isEqualTo(survivor);
        assertThat(check(survivor, Purpose.PURPOSE_MARKETING_EMAIL).getReason())
                .isEqualTo(PurposeDecisionReason.PURPOSE_DECISION_REASON_WITHDRAWN);
        assertThat(check(merged, Purpose.PURPOSE_MARKETING_EMAIL).getGoverningSubjectId()).isEqualTo(survivor);
    }

    @Test
    void splitOffProfile_inheritsRefusalsOnly() {
        String profile = UUID.randomUUID().toString();
        String splitOff = UUID.randomUUID().toString();
        consents.setConsent(grant(profile));
        consents.setConsent(SetConsentRequest.newBuilder().setSubjectId(profile)
                .setPurpose(Purpose.PURPOSE_MARKETING_SMS).setStatus(ConsentStatus.CONSENT_STATUS_DENIED).build());
        consents.setSaleOptOut(optOut(profile, true));
        ConsentRequests.appendProfileEvent(eventStore, profile, 0);
        append("CustomerProfile", profile, 1, new SourceRecordsSplitEvent(profile, splitOff,
                List.of(new SourceRecordKey("crm", "r-2")), "wrong merge", Instant.now()));

        await().atMost(PROCESSING).until(() -> consents.getConsents(get(splitOff)).getConsentsCount() > 0);
        GetConsentsResponse inherited = consents.getConsents(get(splitOff));

        assertThat(inherited.getConsentsList()).singleElement().satisfies(consent -> {
            assertThat(consent.getPurpose()).isEqualTo(Purpose.PURPOSE_MARKETING_SMS);
            assertThat(consent.getStatus()).isEqualTo(ConsentStatus.CONSENT_STATUS_DENIED);
        });
        assertThat(inherited.getSaleOptOut().getOptedOut()).isTrue();
        assertThat(check(profile, Purpose.PURPOSE_MARKETING_EMAIL).getAllowed()).isTrue();
    }

    @Test
    void checkPurpose_failsInvalidArgument_whenSubjectAndPurposeMissing() {
        assertThat(fieldViolations(() -> consents.checkPurpose(CheckPurposeRequest.newBuilder().build())))
                .containsExactly("subject_id", "purpose");
    }

    @Test
    void setSaleOptOut_failsInvalidArgument_whenSourceMissing() {
        assertThat(fieldViolations(() -> consents.setSaleOptOut(SetSaleOptOutRequest.newBuilder()
                .setSubjectId(UUID.randomUUID().toString()).setOptedOut(true).build()))).containsExactly("source");
    }

    @Test
    void lineage_isListedAsNotReplayable_andRefusesAReplay() {
        ProjectionAdminServiceGrpc.ProjectionAdminServiceBlockingStub admin =
                ProjectionAdminServiceGrpc.newBlockingStub(channel).withCallCredentials(ConsentRequests.as("admin")).withDeadlineAfter(Duration.ofSeconds(30));

        assertThat(admin.listProjections(ListProjectionsRequest.getDefaultInstance()).getProjectionsList())
                .filteredOn(status -> status.getName().equals("consent-lineage"))
                .singleElement().satisfies(status -> assertThat(status.getReplayable()).isFalse());
        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, () -> admin
                .replayProjection(ReplayProjectionRequest.newBuilder().setName("consent-lineage").build()));
        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(refused.getStatus().getDescription()).contains("never replayed");
    }

    private List<ConsentStatus> statusesAsOf(String subject, Timestamp asOf) {
        return consents.getConsents(get(subject).toBuilder().setAsOf(asOf).build()).getConsentsList().stream()
                .map(dev.cdm.proto.v1.Consent::getStatus).toList();
    }

    private CheckPurposeResponse check(String subject, Purpose purpose) {
        return consents.checkPurpose(CheckPurposeRequest.newBuilder().setSubjectId(subject).setPurpose(purpose)
                .setChannel("email").build());
    }

    private static SetSaleOptOutRequest optOut(String subject, boolean optedOut) {
        return SetSaleOptOutRequest.newBuilder().setSubjectId(subject).setOptedOut(optedOut).setSource("gpc-signal")
                .build();
    }

    private void append(String type, String aggregateId, long sequence, Object payload) {
        ConsentRequests.append(eventStore, type, aggregateId, sequence, payload);
    }

    private static Timestamp now() {
        Instant now = Instant.now();
        return Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()).build();
    }

    private static void sleepPastMillisecond() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
