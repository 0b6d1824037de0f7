package dev.cdm.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The OAuth 2.0 token endpoint of a realm ({@code <issuer>/protocol/openid-connect/token}): password, refresh and
 * client-credentials grants. Used by the CLI's login, by service clients and by tests; it never logs a secret.
 */
public final class TokenEndpoint {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final URI tokenUri;
    private final HttpClient http;
    private final Clock clock;

    public TokenEndpoint(String issuer) {
        this(issuer, Clock.systemUTC());
    }

    TokenEndpoint(String issuer, Clock clock) {
        this.tokenUri = URI.create(issuer.replaceAll("/+$", "") + "/protocol/openid-connect/token");
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        this.clock = clock;
    }

    /** A person's tokens (resource-owner password grant, for the public CLI client). */
    public Tokens password(String clientId, String username, String password) {
        return grant(Map.of("grant_type", "password", "client_id", clientId, "username", username,
                "password", password, "scope", "openid"));
    }

    /** New tokens for a refresh token, before it expires. */
    public Tokens refresh(String clientId, String refreshToken) {
        return grant(Map.of("grant_type", "refresh_token", "client_id", clientId, "refresh_token", refreshToken));
    }

    /** A confidential client's own token (service to service). */
    public Tokens clientCredentials(String clientId, String clientSecret) {
        return grant(Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", clientSecret));
    }

    private Tokens grant(Map<String, String> form) {
        Instant asked = clock.instant();
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(tokenUri)
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TokenException("The token endpoint " + tokenUri + " is not reachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenException("Interrupted while asking " + tokenUri + " for a token", e);
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() != 200) {
            String reason = body.path("error_description").asText(body.path("error").asText("HTTP "
                    + response.statusCode()));
            throw new TokenException("The token endpoint " + tokenUri + " refused the "
                    + form.get("grant_type") + " grant: " + reason, null);
        }
        String refreshToken = body.path("refresh_token").asText(null);
        return new Tokens(body.path("access_token").asText(), asked.plusSeconds(body.path("expires_in").asLong()),
                refreshToken, refreshToken == null ? null
                        : asked.plusSeconds(body.path("refresh_expires_in").asLong()));
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body.isBlank() ? "{}" : body);
        } catch (IOException notJson) {
            return JSON.createObjectNode();
        }
    }

    private static String encode(Map<String, String> form) {
        return new LinkedHashMap<>(form).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** An access token with its expiry, and the refresh token (absent for client credentials) with its own. */
    public record Tokens(String accessToken, Instant expiresAt, String refreshToken, Instant refreshExpiresAt) {

        /** Whether the access token is still good {@code margin} from now. */
        public boolean fresh(Instant now, Duration margin) {
            return expiresAt.isAfter(now.plus(margin));
        }

        @Override
        public String toString() {
            return "Tokens[expiresAt=" + expiresAt + ", refreshExpiresAt=" + refreshExpiresAt + "]";
        }
    }

    /** The endpoint could not be reached, or it refused the grant (the message says why, without secrets). */
    public static final class TokenException extends RuntimeException {
        TokenException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
