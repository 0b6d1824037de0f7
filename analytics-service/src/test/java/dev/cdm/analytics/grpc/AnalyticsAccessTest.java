package dev.cdm.analytics.grpc;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cdm.keycloak.TokenEndpoint;
import dev.cdm.proto.v1.AnalyticsServiceGrpc;
import dev.cdm.proto.v1.GetProfileCountsRequest;
import dev.cdm.proto.v1.ListProjectionsRequest;
import dev.cdm.proto.v1.ProjectionAdminServiceGrpc;
import dev.cdm.testing.EmbeddedStoresResource;
import dev.cdm.testing.GrpcTestChannel;
import dev.cdm.testing.KeycloakResource;
import dev.cdm.testing.TestTokens;
import grpc.health.v1.HealthGrpc;
import grpc.health.v1.HealthOuterClass.HealthCheckRequest;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may call analytics-service: a bearer token of realm cdm for this service, with the role the access policy
 * names. Every refusal is UNAUTHENTICATED or PERMISSION_DENIED, says what is missing, and leaves the service up.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedStoresResource.class)
@QuarkusTestResource(KeycloakResource.class)
class AnalyticsAccessTest {

    @TestHTTPResource("/")
    URL url;

    private GrpcTestChannel connection;

    @BeforeEach
    void connect() {
        connection = GrpcTestChannel.to(url);
    }

    @AfterEach
    void disconnect() {
        connection.close();
    }

    @Test
    void anAnalyst_readsTheCounts() {
        assertThat(counts(connection.as("analyst")).getTotalProfiles()).isNotNegative();
    }

    @Test
    void aCallWithoutToken_isUnauthenticated_andSaysWhatIsMissing() {
        StatusRuntimeException refused = refusal(connection.channel());

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(refused.getStatus().getDescription()).contains("bearer token");
    }

    @Test
    void aCallerWithoutTheRole_isPermissionDenied_andTheMessageNamesTheRole() {
        for (String user : new String[] {"ingest", "support", "officer"}) {
            StatusRuntimeException refused = refusal(connection.as(user));

            assertThat(refused.getStatus().getCode()).as(user).isEqualTo(Status.Code.PERMISSION_DENIED);
            assertThat(refused.getStatus().getDescription()).as(user)
                    .contains("cdm.v1.AnalyticsService/GetProfileCounts", "requires the role analyst");
        }
    }

    @Test
    void replayingAProjection_needsPlatformAdmin() {
        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, () ->
                ProjectionAdminServiceGrpc.newBlockingStub(connection.as("analyst"))
                        .listProjections(ListProjectionsRequest.getDefaultInstance()));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(refused.getStatus().getDescription()).contains("platform-admin");
        assertThat(ProjectionAdminServiceGrpc.newBlockingStub(connection.as("admin"))
                .listProjections(ListProjectionsRequest.getDefaultInstance()).getProjectionsCount()).isPositive();
    }

    @Test
    void aTokenSentAgain_isAnsweredFromTheTokensAlreadyVerified_andATamperedCopyIsNot() {
        String token = TestTokens.of("analyst");
        counts(connection.withToken(token));
        double hitsBefore = verifiedTokenLookups("hit");

        counts(connection.withToken(token));
        assertThat(verifiedTokenLookups("hit")).isEqualTo(hitsBefore + 1);

        double missesBefore = verifiedTokenLookups("miss");
        assertThat(refusal(connection.withToken(withSignatureFlipped(token))).getStatus().getCode())
                .isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(verifiedTokenLookups("miss")).isEqualTo(missesBefore + 1);
    }

    @Test
    void aTamperedToken_isUnauthenticated() {
        assertThat(refusal(connection.withToken(withSignatureFlipped(TestTokens.of("analyst")))).getStatus().getCode())
                .isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    @Test
    void aTokenWithClaimsRewritten_isUnauthenticated() {
        String[] parts = TestTokens.of("ingest").split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"ingest-writer\"",
                "\"analyst\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes())
                + "." + parts[2];

        assertThat(refusal(connection.withToken(forged)).getStatus().getCode())
                .isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    @Test
    void aTokenForAnotherAudience_isUnauthenticated() {
        // ingestion-service's own token is issued for profile-service only
        assertThat(refusal(connection.withToken(TestTokens.ofService("ingestion-service"))).getStatus().getCode())
                .isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    @Test
    void anExpiredToken_isUnauthenticated() throws Exception {
        String shortLived;
        KeycloakResource.setAccessTokenLifespan(4);
        try {
            shortLived = new TokenEndpoint(KeycloakResource.issuer()).password(TestTokens.CLI_CLIENT, "analyst",
                    "analyst").accessToken();
        } finally {
            KeycloakResource.setAccessTokenLifespan(KeycloakResource.DEFAULT_ACCESS_TOKEN_LIFESPAN);
        }
        assertThat(counts(connection.withToken(shortLived)).getTotalProfiles()).as("while valid").isNotNegative();
        Thread.sleep(6_000); // past its expiry and the service's grace (quarkus.oidc.token.lifespan-grace)

        assertThat(refusal(connection.withToken(shortLived)).getStatus().getCode())
                .isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    @Test
    void aTokenOfAnotherRealm_isUnauthenticated() {
        assertThat(refusal(connection.withToken(KeycloakResource.masterRealmToken())).getStatus().getCode())
                .isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    @Test
    void garbageInsteadOfAToken_isUnauthenticated_andTheServiceStaysHealthy() {
        assertThat(refusal(connection.withToken("{\"$ne\": null}")).getStatus().getCode())
                .isEqualTo(Status.Code.UNAUTHENTICATED);

        assertThat(HealthGrpc.newBlockingStub(connection.channel()).check(HealthCheckRequest.getDefaultInstance())
                .getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
        given().when().get("/q/health/ready").then().statusCode(200);
        assertThat(counts(connection.as("analyst")).getTotalProfiles()).isNotNegative();
    }

    private static dev.cdm.proto.v1.ProfileCounts counts(Channel channel) {
        return AnalyticsServiceGrpc.newBlockingStub(channel).getProfileCounts(GetProfileCountsRequest.getDefaultInstance());
    }

    private static String withSignatureFlipped(String token) {
        String[] parts = token.split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[signature.length / 2] ^= 0x5a;
        return parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    /** cache_gets_total of the verified-token cache (/q/metrics), for result hit or miss. */
    private static double verifiedTokenLookups(String result) {
        Matcher line = Pattern.compile("^cache_gets_total\\{(?=[^}]*cache=\"cdm.verified-tokens\")(?=[^}]*result=\""
                + result + "\")[^}]*} (\\S+)$", Pattern.MULTILINE).matcher(given().get("/q/metrics").asString());
        assertThat(line.find()).as("cache_gets_total of cdm.verified-tokens, " + result).isTrue();
        return Double.parseDouble(line.group(1));
    }

    private static StatusRuntimeException refusal(Channel channel) {
        return catchThrowableOfType(StatusRuntimeException.class, () -> counts(channel));
    }
}
