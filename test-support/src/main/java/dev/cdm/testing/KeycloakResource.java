package dev.cdm.testing;

import dev.cdm.keycloak.EmbeddedKeycloak;
import dev.cdm.keycloak.KeycloakSettings;
import dev.cdm.keycloak.TokenEndpoint;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The real Keycloak (the Maven Central distribution that embedded-keycloak unpacks, found by the
 * {@code cdm.keycloak.home} system property the build sets) with the local realm and its demo users, in a fresh
 * data directory, one for all the {@code @QuarkusTest} classes of a module (its test JVM). The service under test
 * verifies tokens against it; {@link TestTokens} gets them.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    /** The access-token lifespan of the local realm file, in seconds. */
    public static final int DEFAULT_ACCESS_TOKEN_LIFESPAN = 300;
    private static final String ADMIN = "test-admin";
    private static final String ADMIN_PASSWORD = UUID.randomUUID().toString();
    private static EmbeddedKeycloak keycloak;

    /**
     * Starts Keycloak for the first application of this test JVM, and lends it to every later one: Quarkus restarts
     * the application for each test class with other resources or a profile, and a Keycloak start took about as long
     * as a class's tests. Tests that change the realm (e.g. {@link #setAccessTokenLifespan}) restore it.
     */
    @Override
    public synchronized Map<String, String> start() {
        startOnce();
        // the service under test verifies tokens against this realm and calls its peers with its own client's
        // token: the secret is the local realm's for the service's name (a config expression)
        return Map.of("quarkus.oidc.auth-server-url", keycloak.issuer(),
                "quarkus.oidc-client.credentials.secret", EmbeddedKeycloak.localClientSecret("${cdm.service.name}"));
    }

    /** Keycloak outlives the application: it stops with the test JVM. */
    @Override
    public void stop() {
    }

    private static synchronized void startOnce() {
        if (keycloak != null) {
            return;
        }
        try {
            Path data = Files.createTempDirectory("cdm-test-keycloak");
            EmbeddedKeycloak started = EmbeddedKeycloak.start(KeycloakSettings.local(home(), data, 0, ADMIN,
                    ADMIN_PASSWORD));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                deleteQuietly(data);
            }, "keycloak-resource-stop"));
            keycloak = started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting Keycloak", e);
        }
    }

    /** The realm's issuer URL while Keycloak runs. */
    public static synchronized String issuer() {
        if (keycloak == null) {
            throw new IllegalStateException("Keycloak is not running: annotate the test with"
                    + " @QuarkusTestResource(KeycloakResource.class)");
        }
        return keycloak.issuer();
    }

    /**
     * A valid token that is not of realm cdm: the bootstrap admin's, from the master realm of the same Keycloak
     * (for tests that a service refuses another realm's tokens).
     */
    public static synchronized String masterRealmToken() {
        issuer();
        return new TokenEndpoint(keycloak.baseUrl() + "/realms/master").password("admin-cli", ADMIN, ADMIN_PASSWORD)
                .accessToken();
    }

    /**
     * Sets realm cdm's access-token lifespan (seconds) through the admin API, e.g. to get a token that expires
     * during a test. Restore it ({@link #DEFAULT_ACCESS_TOKEN_LIFESPAN}) in a {@code finally}.
     */
    public static synchronized void setAccessTokenLifespan(int seconds) {
        issuer();
        HttpRequest update = HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/admin/realms/"
                        + EmbeddedKeycloak.REALM))
                .header("Authorization", "Bearer " + masterRealmToken())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"accessTokenLifespan\": " + seconds + "}"))
                .build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(update,
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("Keycloak refused the lifespan change: HTTP " + response.statusCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static Path home() {
        String home = System.getProperty("cdm.keycloak.home");
        if (home == null || home.isBlank()) {
            throw new IllegalStateException("System property cdm.keycloak.home is not set (the parent pom sets it)");
        }
        return Path.of(home);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory
        }
    }
}
