package dev.cdm.cli.auth;

import dev.cdm.cli.CliFailure;
import dev.cdm.cli.ExitCodes;
import dev.cdm.cli.grpc.ServerTrust;
import dev.cdm.cli.platform.KeycloakProcess;
import dev.cdm.cli.platform.PlatformState;
import dev.cdm.cli.platform.PlatformStateFile;
import dev.cdm.keycloak.TokenEndpoint;
import dev.cdm.keycloak.TokenEndpoint.DeviceAuthorization;
import dev.cdm.keycloak.TokenEndpoint.TokenException;
import dev.cdm.keycloak.TokenEndpoint.Tokens;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A person's login through the CLI's public client, kept in the {@link SessionFile}: with a password (password
 * grant), or confirmed in a browser on any device (device authorization grant), so the password never passes
 * through the CLI.
 */
public final class Login {

    public static final String CLIENT_ID = "cdm-cli";
    public static final String DEFAULT_ISSUER = "http://127.0.0.1:8180/realms/cdm";

    private final SessionFile file;
    private final ServerTrust trust;

    /** A login at the local platform's realm (or one with a certificate from one of the JDK's CAs). */
    public Login(SessionFile file) {
        this(file, ServerTrust.plaintext());
    }

    /** A login at a realm whose https certificate {@code trust} checks. */
    public Login(SessionFile file, ServerTrust trust) {
        this.file = file;
        this.trust = trust;
    }

    public Session logIn(String issuer, String user, String password) {
        try {
            Session session = Session.of(issuer, CLIENT_ID, user,
                    trust.tokenEndpoint(issuer).password(CLIENT_ID, user, password));
            file.write(session);
            return session;
        } catch (TokenException e) {
            throw new CliFailure(ExitCodes.NOT_AUTHORIZED, "Login of " + user + " failed: " + e.getMessage());
        }
    }

    /**
     * Starts a device login, lets {@code show} tell the person where to confirm it, and waits until they have
     * (or denied it, or the codes expired). The session's user is the one who confirmed.
     */
    public Session logInOnDevice(String issuer, Consumer<DeviceAuthorization> show) {
        TokenEndpoint endpoint = trust.tokenEndpoint(issuer);
        try {
            DeviceAuthorization authorization = endpoint.deviceAuthorization(CLIENT_ID);
            show.accept(authorization);
            Tokens tokens = new DevicePolling(deviceCode -> endpoint.deviceCode(CLIENT_ID, deviceCode),
                    Clock.systemUTC(), duration -> Thread.sleep(duration.toMillis())).await(authorization);
            String user = Objects.requireNonNullElse(tokens.claim("preferred_username"), tokens.claim("sub"));
            Session session = Session.of(issuer, CLIENT_ID, user, tokens);
            file.write(session);
            return session;
        } catch (TokenException e) {
            throw new CliFailure(ExitCodes.NOT_AUTHORIZED, "The device login failed: " + e.getMessage());
        }
    }

    /** {@code given}, else the running platform's realm, else {@code CDM_OIDC_URL}, else the local default. */
    public static String issuerFor(String given, Path dataDir, Map<String, String> env) {
        if (given != null && !given.isBlank()) {
            return given;
        }
        String recorded = PlatformStateFile.in(dataDir).read().map(PlatformState::keycloak)
                .map(KeycloakProcess::issuer).orElse(null);
        if (recorded != null) {
            return recorded;
        }
        String configured = env.get("CDM_OIDC_URL");
        return configured == null || configured.isBlank() ? DEFAULT_ISSUER : configured;
    }
}
