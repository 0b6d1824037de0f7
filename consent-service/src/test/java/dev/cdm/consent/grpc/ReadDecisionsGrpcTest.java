package dev.cdm.consent.grpc;

import static dev.cdm.consent.grpc.ConsentRequests.fieldViolations;
import static dev.cdm.consent.grpc.ConsentRequests.grant;
import static dev.cdm.consent.grpc.ConsentRequests.withdraw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.cdm.kernel.events.ProcessingRestrictedEvent;
import dev.cdm.kernel.events.ProcessingRestrictionLiftedEvent;
import dev.cdm.proto.v1.ConsentServiceGrpc;
import dev.cdm.proto.v1.DecideReadsRequest;
import dev.cdm.proto.v1.DecideReadsResponse;
import dev.cdm.proto.v1.Purpose;
import dev.cdm.proto.v1.ReadDecision;
import dev.cdm.proto.v1.ReadPurpose;
import dev.cdm.proto.v1.ReadRefusal;
import dev.cdm.testing.EmbeddedStoresResource;
import dev.cdm.testing.GrpcTestChannel;
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
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The policy decision profile-service asks before every read of a profile, on the real consent ledger: roles,
 * consents (on any channel the subject named) and restriction, per subject, as the access policy says.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedStoresResource.class)
@QuarkusTestResource(KeycloakResource.class)
class ReadDecisionsGrpcTest {

    private static final List<String> SUPPORT = List.of("profile-reader", "pii-reader");
    private static final List<String> OFFICER = List.of("compliance-officer", "pii-reader");
    private static final List<String> ANALYST = List.of("analyst", "profile-reader");

    @TestHTTPResource("/")
    URL server;

    @Inject
    EventStore eventStore;

    private ManagedChannel channel;
    private ConsentServiceGrpc.ConsentServiceBlockingStub consents;
    /** As profile-service asks: with its own token, for the person it reads for. */
    private ConsentServiceGrpc.ConsentServiceBlockingStub decisions;

    @BeforeEach
    void connect() {
        channel = ConsentRequests.channelTo(server);
        consents = ConsentServiceGrpc.newBlockingStub(channel).withCallCredentials(ConsentRequests.as("admin"))
                .withDeadlineAfter(Duration.ofSeconds(30));
        decisions = ConsentServiceGrpc.newBlockingStub(channel).withCallCredentials(
                GrpcTestChannel.credentialsOfService("profile-service", "admin", "platform-admin"))
                .withDeadlineAfter(Duration.ofSeconds(30));
    }

    @Test
    void theDecision_isForTheCdmServicesOnly_notForPeopleWhateverTheirRoles() {
        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, () -> consents
                .decideReads(request(ReadPurpose.READ_PURPOSE_SUPPORT, SUPPORT, "s")));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(refused.getStatus().getDescription()).contains("open only to the CDM services");
    }

    @AfterEach
    void disconnect() {
        channel.shutdownNow();
    }

    @Test
    void marketing_isRefusedWithoutConsent_andLeavesOutTheChannelsNotAgreedTo() {
        String subject = UUID.randomUUID().toString();
        ReadDecision before = decide(ReadPurpose.READ_PURPOSE_MARKETING, SUPPORT, subject);

        consents.setConsent(grant(subject)); // marketing e-mail, on the channel "email"
        ReadDecision withEmail = decide(ReadPurpose.READ_PURPOSE_MARKETING, SUPPORT, subject);
        consents.setConsent(grant(subject).toBuilder().setPurpose(Purpose.PURPOSE_MARKETING_SMS).setChannel("")
                .build());
        ReadDecision withBoth = decide(ReadPurpose.READ_PURPOSE_MARKETING, SUPPORT, subject);
        consents.setConsent(grant(subject).toBuilder().setPurpose(Purpose.PURPOSE_PROFILING).setChannel("")
                .build());
        ReadDecision withProfiling = decide(ReadPurpose.READ_PURPOSE_MARKETING, SUPPORT, subject);
        consents.setConsent(withdraw(subject));
        ReadDecision smsOnly = decide(ReadPurpose.READ_PURPOSE_MARKETING, SUPPORT, subject);

        assertThat(before.getAllowed()).isFalse();
        assertThat(before.getRefusal()).isEqualTo(ReadRefusal.READ_REFUSAL_NO_CONSENT);
        assertThat(before.getExplanation()).contains("marketing-email or marketing-sms");
        assertThat(withEmail.getAllowed()).isTrue();
        assertThat(withEmail.getWithheldFieldsList()).containsExactlyInAnyOrder("activity", "phone");
        assertThat(withBoth.getWithheldFieldsList()).as("the activity needs a profiling consent")
                .containsExactly("activity");
        assertThat(withProfiling.getWithheldFieldsList()).isEmpty();
        assertThat(smsOnly.getAllowed()).isTrue();
        assertThat(smsOnly.getWithheldFieldsList()).as("the profiling consent stays in force")
                .containsExactly("email");
    }

    @Test
    void aRestrictedSubject_isReadOnlyForCompliance_untilTheRestrictionIsLifted() {
        String subject = UUID.randomUUID().toString();
        append(subject, 0, new ProcessingRestrictedEvent(subject, "dsr-" + subject, Instant.now()));

        await().atMost(Duration.ofSeconds(15)).until(() ->
                decide(ReadPurpose.READ_PURPOSE_SUPPORT, SUPPORT, subject).getRefusal()
                        == ReadRefusal.READ_REFUSAL_RESTRICTED);
        assertThat(decide(ReadPurpose.READ_PURPOSE_COMPLIANCE, OFFICER, subject).getAllowed()).isTrue();
        assertThat(decide(ReadPurpose.READ_PURPOSE_ANALYTICS, ANALYST, subject).getRefusal())
                .isEqualTo(ReadRefusal.READ_REFUSAL_RESTRICTED);

        append(subject, 1, new ProcessingRestrictionLiftedEvent(subject, "dsr-" + subject, "dpo", Instant.now()));
        await().atMost(Duration.ofSeconds(15)).until(() ->
                decide(ReadPurpose.READ_PURPOSE_SUPPORT, SUPPORT, subject).getAllowed());
    }

    @Test
    void decidesPerSubject_inRequestOrder_andRefusesACallerWithoutThePurposesRole() {
        String granted = UUID.randomUUID().toString();
        String unknown = UUID.randomUUID().toString();
        consents.setConsent(grant(granted).toBuilder().setPurpose(Purpose.PURPOSE_ANALYTICS).setChannel("").build());

        DecideReadsResponse analytics = decisions.decideReads(request(ReadPurpose.READ_PURPOSE_ANALYTICS, ANALYST,
                unknown, granted));
        ReadDecision support = decide(ReadPurpose.READ_PURPOSE_ANALYTICS, SUPPORT, granted);

        assertThat(analytics.getPolicyVersion()).isNotBlank();
        assertThat(analytics.getDecisionsList()).extracting(ReadDecision::getSubjectId, ReadDecision::getAllowed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(unknown, false),
                        org.assertj.core.groups.Tuple.tuple(granted, true));
        assertThat(support.getRefusal()).isEqualTo(ReadRefusal.READ_REFUSAL_ROLE);
        assertThat(support.getExplanation()).contains("requires the role analyst");
    }

    @Test
    void aRequestWithoutPurpose_orSubjects_orWithTooMany_isInvalid() {
        assertThat(fieldViolations(() -> decisions.decideReads(DecideReadsRequest.newBuilder()
                .addSubjectIds("s").build()))).containsExactly("purpose");
        assertThat(fieldViolations(() -> decisions.decideReads(DecideReadsRequest.newBuilder()
                .setPurpose(ReadPurpose.READ_PURPOSE_SUPPORT).build()))).containsExactly("subject_ids");
        assertThat(fieldViolations(() -> decisions.decideReads(DecideReadsRequest.newBuilder()
                .setPurpose(ReadPurpose.READ_PURPOSE_SUPPORT).addAllSubjectIds(Collections.nCopies(101, "s"))
                .build()))).containsExactly("subject_ids");
        assertThat(fieldViolations(() -> decisions.decideReads(DecideReadsRequest.newBuilder()
                .setPurpose(ReadPurpose.READ_PURPOSE_SUPPORT).addSubjectIds("ok").addSubjectIds(" ")
                .addSubjectIds("{\"$ne\": null}".repeat(20)).build())))
                .containsExactly("subject_ids[1]", "subject_ids[2]");
    }

    private ReadDecision decide(ReadPurpose purpose, List<String> roles, String subject) {
        return decisions.decideReads(request(purpose, roles, subject)).getDecisions(0);
    }

    private static DecideReadsRequest request(ReadPurpose purpose, List<String> roles, String... subjects) {
        return DecideReadsRequest.newBuilder().setPurpose(purpose).addAllCallerRoles(roles)
                .addAllSubjectIds(List.of(subjects)).build();
    }

    /** An event of the subject's consent stream, as DataSubjectRequests' restriction records it. */
    private void append(String subjectId, long sequence, Object payload) {
        DefaultUnitOfWork.startAndGet(null).execute(() -> eventStore.publish(new GenericDomainEventMessage<>(
                "SubjectConsents", "consent:" + subjectId, sequence, payload)));
    }
}
