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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * The OAuth 2.0 token endpoint of a realm ({@code <issuer>/protocol/openid-connect/token}): password, refresh,
 * client-credentials and device-code grants, and the device authorization endpoint (RFC 8628) that starts the
 * last. Used by the CLI's login, by service clients and by tests; it never logs a secret.
 */
public final class TokenEndpoint {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

    private final URI tokenUri;
    private final URI deviceAuthorizationUri;
    private final HttpClient http;
    private final Clock clock;

    /** An endpoint whose https certificate chains to one of the JDK's trusted CAs. */
    public TokenEndpoint(String issuer) {
        this(issuer, HttpClient.newBuilder(), Clock.systemUTC());
    }

    /** An endpoint whose https certificate chains to what {@code tls} trusts (e.g. a private CA). */
    public TokenEndpoint(String issuer, SSLContext tls) {
        this(issuer, HttpClient.newBuilder().sslContext(tls), Clock.systemUTC());
    }

    private TokenEndpoint(String issuer, HttpClient.Builder http, Clock clock) {
        String realm = issuer.replaceAll("/+$", "");
        this.tokenUri = URI.create(realm + "/protocol/openid-connect/token");
        this.deviceAuthorizationUri = URI.create(realm + "/protocol/openid-connect/auth/device");
        this.http = http.connectTimeout(TIMEOUT).build();
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

    /**
     * Starts a device login (RFC 8628): the codes a person confirms in a browser, on any device, while the CLI
     * polls {@link #deviceCode} with the device code.
     */
    public DeviceAuthorization deviceAuthorization(String clientId) {
        JsonNode body = post(deviceAuthorizationUri, Map.of("client_id", clientId, "scope", "openid"),
                "device authorization");
        return new DeviceAuthorization(body.path("device_code").asText(), body.path("user_code").asText(),
                body.path("verification_uri").asText(), body.path("verification_uri_complete").asText(null),
                Duration.ofSeconds(body.path("expires_in").asLong()),
                Duration.ofSeconds(body.path("interval").asLong(5)));
    }

    /**
     * The tokens of a device login once the person has confirmed it; until then a {@link TokenException} whose
     * {@link TokenException#error() error} is {@code authorization_pending} or {@code slow_down}.
     */
    public Tokens deviceCode(String clientId, String deviceCode) {
        return grant(Map.of("grant_type", DEVICE_CODE_GRANT, "client_id", clientId, "device_code", deviceCode));
    }

    private Tokens grant(Map<String, String> form) {
        Instant asked = clock.instant();
        JsonNode body = post(tokenUri, form, form.get("grant_type") + " grant");
        String refreshToken = body.path("refresh_token").asText(null);
        return new Tokens(body.path("access_token").asText(), asked.plusSeconds(body.path("expires_in").asLong()),
                refreshToken, refreshToken == null ? null
                        : asked.plusSeconds(body.path("refresh_expires_in").asLong()));
    }

    private JsonNode post(URI uri, Map<String, String> form, String what) {
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri)
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TokenException("The endpoint " + uri + " is not reachable: " + e.getMessage(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenException("Interrupted while asking " + uri + " for the " + what, null, e);
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() != 200) {
            String error = body.path("error").asText(null);
            String reason = body.path("error_description").asText(error == null ? "HTTP " + response.statusCode()
                    : error);
            throw new TokenException("The endpoint " + uri + " refused the " + what + ": " + reason, error, null);
        }
        return body;
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

        /**
         * A text claim of the access token as the endpoint issued it, or null. Not verified: only for showing
         * who logged in; services verify every token themselves.
         */
        public String claim(String name) {
            String[] parts = accessToken.split("\\.");
            if (parts.length != 3) {
                return null;
            }
            try {
                return JSON.readTree(Base64.getUrlDecoder().decode(parts[1])).path(name).asText(null);
            } catch (IOException | IllegalArgumentException notAJwt) {
                return null;
            }
        }

        @Override
        public String toString() {
            return "Tokens[expiresAt=" + expiresAt + ", refreshExpiresAt=" + refreshExpiresAt + "]";
        }
    }

    /**
     * What a person confirms to finish a device login: the user code, at the verification URI (or the complete
     * URI that carries the code). The device code is the CLI's secret for polling and is never printed.
     */
    public record DeviceAuthorization(String deviceCode, String userCode, String verificationUri,
                                      String verificationUriComplete, Duration expiresIn, Duration interval) {

        @Override
        public String toString() {
            return "DeviceAuthorization[userCode=" + userCode + ", verificationUri=" + verificationUri
                    + ", expiresIn=" + expiresIn + "]";
        }
    }

    /** The endpoint could not be reached, or it refused the grant (the message says why, without secrets). */
    public static final class TokenException extends RuntimeException {
        private final String error;

        public TokenException(String message, String error) {
            this(message, error, null);
        }

        TokenException(String message, String error, Throwable cause) {
            super(message, cause);
            this.error = error;
        }

        /** The OAuth error code the endpoint answered with ({@code invalid_grant}, ...), or null (unreachable). */
        public String error() {
            return error;
        }
    }
}
