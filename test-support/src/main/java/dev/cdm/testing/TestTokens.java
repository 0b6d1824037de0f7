package dev.cdm.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cdm.keycloak.EmbeddedKeycloak;
import dev.cdm.keycloak.TokenEndpoint;
import dev.cdm.keycloak.TokenEndpoint.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens from the Keycloak that {@link KeycloakResource} runs: of its demo users (whose password is their
 * name, local realm only) through the CLI's client, and of the services' confidential clients. Cached until a
 * minute before they expire.
 */
public final class TestTokens {

    public static final String CLI_CLIENT = "cdm-cli";
    private static final Duration MARGIN = Duration.ofMinutes(1);
    private static final Map<String, Tokens> CACHE = new ConcurrentHashMap<>();

    private TestTokens() {
    }

    /** The access token of demo user {@code user} (admin, officer, support, analyst, ingest). */
    public static String of(String user) {
        return cached("user:" + user, () -> endpoint().password(CLI_CLIENT, user, user));
    }

    /** The access token of a service's own client, e.g. {@code ingestion-service}. */
    public static String ofService(String clientId) {
        return cached("client:" + clientId,
                () -> endpoint().clientCredentials(clientId, EmbeddedKeycloak.localClientSecret(clientId)));
    }

    /** The claims of a JWT access token (its payload, unverified: for assertions on a token a test was handed). */
    public static JsonNode claimsOf(String accessToken) {
        String[] parts = accessToken.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("Not a JWT: " + parts.length + " parts");
        }
        try {
            return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cached(String key, java.util.function.Supplier<Tokens> fetch) {
        Tokens tokens = CACHE.compute(key, (k, known) -> known != null && known.fresh(Instant.now(), MARGIN)
                ? known : fetch.get());
        return tokens.accessToken();
    }

    private static TokenEndpoint endpoint() {
        return new TokenEndpoint(KeycloakResource.issuer());
    }
}
