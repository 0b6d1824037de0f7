package dev.cdm.consent.grpc;

import static dev.cdm.consent.grpc.ConsentRequests.FAR_FUTURE;
import static dev.cdm.consent.grpc.ConsentRequests.fieldViolations;
import static dev.cdm.consent.grpc.ConsentRequests.get;
import static dev.cdm.consent.grpc.ConsentRequests.grant;
import static dev.cdm.consent.grpc.ConsentRequests.withdraw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.cdm.proto.v1.ConsentProof;
import dev.cdm.proto.v1.ConsentServiceGrpc;
import dev.cdm.proto.v1.ConsentStatus;
import dev.cdm.proto.v1.GetConsentsRequest;
import dev.cdm.proto.v1.GetConsentsResponse;
import dev.cdm.proto.v1.LegalBasis;
import dev.cdm.proto.v1.Purpose;
import dev.cdm.proto.v1.SetConsentRequest;
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
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedStoresResource.class)
@QuarkusTestResource(KeycloakResource.class)
class ConsentGrpcServiceTest {

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
    void setConsent_isReadBackWithDefaultLegalBasis_whenGrantedWithProof() {
        String subject = UUID.randomUUID().toString();
        SetConsentRequest request = grant(subject).toBuilder().setChannel(" Email ").build();

        assertThat(consents.setConsent(request).getChanged()).isTrue();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                consents.getConsents(get(subject)).getConsentsList()).singleElement().satisfies(consent -> {
                    assertThat(consent.getPurpose()).isEqualTo(Purpose.PURPOSE_MARKETING_EMAIL);
                    assertThat(consent.getChannel()).isEqualTo("email");
                    assertThat(consent.getStatus()).isEqualTo(ConsentStatus.CONSENT_STATUS_GRANTED);
                    assertThat(consent.getLegalBasis()).isEqualTo(LegalBasis.LEGAL_BASIS_CONSENT);
                    assertThat(consent.getProof()).isEqualTo(request.getProof());
                    assertThat(consent.getExpiresAt()).isEqualTo(FAR_FUTURE);
                    assertThat(consent.hasRecordedAt()).isTrue();
                }));
    }

    @Test
    void getConsents_returnsEmptyList_whenSubjectHasNoDecisions() {
        String subject = UUID.randomUUID().toString();

        GetConsentsResponse response = consents.getConsents(get(subject));

        assertThat(response.getSubjectId()).isEqualTo(subject);
        assertThat(response.getConsentsList()).isEmpty();
    }

    @Test
    void getConsents_failsInvalidArgument_whenSubjectBlank() {
        assertThat(fieldViolations(() -> consents.getConsents(GetConsentsRequest.newBuilder().setSubjectId(" ")
                .build()))).containsExactly("subject_id");
    }

    @Test
    void setConsent_reportsEveryBadField_whenRequestInvalid() {
        SetConsentRequest request = SetConsentRequest.newBuilder()
                .setSubjectId(" ")
                .setChannel("x".repeat(51))
                .setProof(ConsentProof.newBuilder().setSource("web").setTextSha256("not-a-digest"))
                .build();

        assertThat(fieldViolations(() -> consents.setConsent(request)))
                .containsExactly("subject_id", "purpose", "channel", "status", "proof.text_sha256");
    }

    @Test
    void setConsent_failsInvalidArgument_whenConsentGrantHasNoProof() {
        SetConsentRequest request = grant(UUID.randomUUID().toString()).toBuilder().clearProof().build();

        assertThat(fieldViolations(() -> consents.setConsent(request))).containsExactly("proof");
    }

    @Test
    void setConsent_failsInvalidArgument_whenExpiryHasPassed() {
        SetConsentRequest request = grant(UUID.randomUUID().toString()).toBuilder()
                .setExpiresAt(ConsentRequests.CAPTURED_AT).build();

        assertThat(fieldViolations(() -> consents.setConsent(request))).containsExactly("expires_at");
    }

    @Test
    void withdraw_failsPrecondition_whenNeverGranted() {
        StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class,
                () -> consents.setConsent(withdraw(UUID.randomUUID().toString())));

        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(error.getStatus().getDescription()).contains("can only be withdrawn");
    }

    @Test
    void setConsent_leavesProfileStreamAppendable_whenSubjectIsAProfileId() {
        String profileId = UUID.randomUUID().toString();
        ConsentRequests.appendProfileEvent(eventStore, profileId, 0);

        assertThat(consents.setConsent(grant(profileId)).getChanged()).isTrue();
        assertThat(consents.setConsent(withdraw(profileId)).getChanged()).isTrue();

        assertThatCode(() -> ConsentRequests.appendProfileEvent(eventStore, profileId, 1)).doesNotThrowAnyException();
    }

    @Test
    void setConsent_returnsUnchanged_whenSameDecisionRepeated() {
        SetConsentRequest request = grant(UUID.randomUUID().toString());

        assertThat(consents.setConsent(request).getChanged()).isTrue();
        assertThat(consents.setConsent(request).getChanged()).isFalse();
    }
}
