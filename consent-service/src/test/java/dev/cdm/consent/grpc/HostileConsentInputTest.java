package dev.cdm.consent.grpc;

import static dev.cdm.consent.grpc.ConsentRequests.fieldViolations;
import static dev.cdm.consent.grpc.ConsentRequests.get;
import static dev.cdm.consent.grpc.ConsentRequests.grant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.cdm.proto.v1.CheckPurposeRequest;
import dev.cdm.proto.v1.ConsentServiceGrpc;
import dev.cdm.proto.v1.Purpose;
import dev.cdm.testing.EmbeddedStoresResource;
import dev.cdm.testing.KeycloakResource;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile input to consent-service: MongoDB operator syntax as a subject id, oversized ids and messages. None reads
 * another subject's decisions, and the service goes on serving.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedStoresResource.class)
@QuarkusTestResource(KeycloakResource.class)
class HostileConsentInputTest {

    @TestHTTPResource("/")
    URL server;

    private ManagedChannel channel;
    private ConsentServiceGrpc.ConsentServiceBlockingStub consents;
    private String granted;

    @BeforeEach
    void connect() {
        channel = ConsentRequests.channelTo(server);
        consents = ConsentServiceGrpc.newBlockingStub(channel).withCallCredentials(ConsentRequests.as("admin"))
                .withDeadlineAfter(Duration.ofSeconds(30));
        granted = UUID.randomUUID().toString();
        consents.setConsent(grant(granted));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> consents.getConsents(get(granted)).getConsentsCount() == 1);
    }

    @AfterEach
    void disconnect() {
        channel.shutdownNow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"$ne\": null}", "{\"$gt\": \"\"}", "$where", ".*"})
    void operatorSyntaxAsASubjectId_readsNoOnesDecisions(String hostile) {
        assertThat(consents.getConsents(get(hostile)).getConsentsList()).isEmpty();
        assertThat(consents.checkPurpose(CheckPurposeRequest.newBuilder().setSubjectId(hostile)
                .setPurpose(Purpose.PURPOSE_MARKETING_EMAIL).build()).getAllowed()).isFalse();
    }

    @Test
    void anOversizedSubjectId_isInvalid() {
        String huge = "s".repeat(100_000);

        assertThat(fieldViolations(() -> consents.getConsents(get(huge)))).containsExactly("subject_id");
        assertThat(fieldViolations(() -> consents.setConsent(grant(huge)))).containsExactly("subject_id");
    }

    @Test
    void aMessageOverTheSizeLimit_isRefused_andTheServiceGoesOnServing() {
        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                () -> consents.setConsent(grant(granted).toBuilder().setChannel("c".repeat(5 * 1024 * 1024)).build()));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(consents.getConsents(get(granted)).getConsentsCount()).isEqualTo(1);
        given().baseUri(server.toString()).get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"));
    }
}
