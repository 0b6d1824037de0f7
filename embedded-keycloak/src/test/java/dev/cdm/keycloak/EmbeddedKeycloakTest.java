package dev.cdm.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Starts the real Keycloak once with the local realm; the last test restarts it on the same data directory. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedKeycloakTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path HOME = Path.of(System.getProperty("cdm.keycloak.home", "target/keycloak-26.5.5"));

    @TempDir
    static Path data;
    static EmbeddedKeycloak keycloak;

    @BeforeAll
    static void start() throws Exception {
        keycloak = EmbeddedKeycloak.start(KeycloakSettings.local(HOME, data, 0, "test-admin", "test-admin-pw"));
    }

    @AfterAll
    static void stop() {
        keycloak.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "admin   | ingest-writer profile-reader pii-reader consent-manager compliance-officer analyst platform-admin",
        "officer | compliance-officer pii-reader",
        "support | profile-reader pii-reader",
        "analyst | analyst profile-reader",
        "ingest  | ingest-writer"})
    @Order(1)
    void passwordGrant_returnsExactlyTheUsersRealmRoles(String user, String roles) throws Exception {
        JsonNode claims = claims(token(Map.of("grant_type", "password", "client_id", "cdm-cli",
                "username", user, "password", user)));

        assertThat(realmRoles(claims)).containsExactlyInAnyOrder(roles.split(" "));
        assertThat(claims.path("iss").asText()).isEqualTo(keycloak.issuer());
        assertThat(audiences(claims)).containsExactlyInAnyOrder(
                "ingestion-service", "profile-service", "consent-service", "analytics-service");
    }

    @Test
    @Order(2)
    void passwordGrant_givesTheAnalystNoPersonalData() throws Exception {
        JsonNode claims = claims(token(Map.of("grant_type", "password", "client_id", "cdm-cli",
                "username", "analyst", "password", "analyst")));

        assertThat(realmRoles(claims)).contains("profile-reader").doesNotContain("pii-reader");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ingestion-service, ingest-writer, profile-service consent-service",
        "profile-service, profile-reader, profile-service consent-service",
        "consent-service, profile-reader pii-reader compliance-officer, profile-service ingestion-service",
        "analytics-service, profile-reader, profile-service"})
    @Order(3)
    void clientCredentialsGrant_carriesTheServiceRolesAndAudience(String client, String roles, String audiences)
            throws Exception {
        JsonNode claims = claims(token(Map.of("grant_type", "client_credentials", "client_id", client,
                "client_secret", EmbeddedKeycloak.localClientSecret(client))));

        assertThat(claims.path("azp").asText()).isEqualTo(client);
        assertThat(realmRoles(claims)).containsExactlyInAnyOrder(roles.split(" "));
        assertThat(audiences(claims)).containsExactlyInAnyOrder(audiences.split(" "));
    }

    @Test
    @Order(4)
    void passwordGrant_isRejectedWith401_whenThePasswordIsWrong() throws Exception {
        HttpResponse<String> response = post("/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", "cdm-cli", "username", "officer", "password", "not-the-password"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    @Order(5)
    void deviceAuthorization_givesCodesForTheCli_andTheTokensWaitForThePerson() {
        TokenEndpoint endpoint = new TokenEndpoint(keycloak.issuer());

        TokenEndpoint.DeviceAuthorization authorization = endpoint.deviceAuthorization("cdm-cli");

        assertThat(authorization.deviceCode()).isNotBlank();
        assertThat(authorization.userCode()).isNotBlank();
        assertThat(authorization.verificationUri()).startsWith(keycloak.issuer());
        assertThat(authorization.verificationUriComplete()).contains(authorization.userCode());
        assertThat(authorization.expiresIn()).isPositive();
        assertThat(authorization.interval()).isPositive();
        assertThat(authorization.toString()).doesNotContain(authorization.deviceCode());
        TokenEndpoint.TokenException pending = catchThrowableOfType(TokenEndpoint.TokenException.class,
                () -> endpoint.deviceCode("cdm-cli", authorization.deviceCode()));
        assertThat(pending.error()).isEqualTo("authorization_pending");
        assertThat(pending.getMessage()).doesNotContain(authorization.deviceCode());
    }

    @Test
    @Order(5)
    void tokens_tellWhoLoggedIn() {
        TokenEndpoint.Tokens tokens = new TokenEndpoint(keycloak.issuer()).password("cdm-cli", "support", "support");

        assertThat(tokens.claim("preferred_username")).isEqualTo("support");
        assertThat(tokens.claim("no-such-claim")).isNull();
    }

    @Test
    @Order(6)
    void restart_keepsTheRealmAndItsSigningKeys() throws Exception {
        String kid = signingKeyIds();
        keycloak.close();

        keycloak = EmbeddedKeycloak.start(KeycloakSettings.local(HOME, data, 0, "test-admin", "test-admin-pw"));

        assertThat(signingKeyIds()).isEqualTo(kid);
        JsonNode claims = claims(token(Map.of("grant_type", "password", "client_id", "cdm-cli",
                "username", "ingest", "password", "ingest")));
        assertThat(realmRoles(claims)).containsExactly("ingest-writer");
        assertThat(Files.readString(keycloak.log())).contains("Realm 'cdm' already exists. Import skipped");
    }

    private static String token(Map<String, String> form) throws IOException, InterruptedException {
        HttpResponse<String> response = post("/protocol/openid-connect/token", form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private static HttpResponse<String> post(String path, Map<String, String> form)
            throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(keycloak.issuer() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String signingKeyIds() throws IOException, InterruptedException {
        HttpResponse<String> jwks = HTTP.send(HttpRequest.newBuilder(
                URI.create(keycloak.issuer() + "/protocol/openid-connect/certs")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(jwks.statusCode()).isEqualTo(200);
        return JSON.readTree(jwks.body()).findValuesAsText("kid").stream().sorted().collect(Collectors.joining(","));
    }

    private static JsonNode claims(String jwt) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static List<String> realmRoles(JsonNode claims) {
        return strings(claims.path("realm_access").path("roles"));
    }

    private static List<String> audiences(JsonNode claims) {
        JsonNode aud = claims.path("aud");
        return aud.isArray() ? strings(aud) : List.of(aud.asText());
    }

    private static List<String> strings(JsonNode array) {
        return JSON.convertValue(array, JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    }
}
