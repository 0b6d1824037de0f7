package dev.cdm.cli.auth;

import dev.cdm.cli.CliFailure;
import dev.cdm.cli.ExitCodes;
import dev.cdm.cli.platform.KeycloakProcess;
import dev.cdm.cli.platform.PlatformState;
import dev.cdm.cli.platform.PlatformStateFile;
import dev.cdm.keycloak.TokenEndpoint;
import dev.cdm.keycloak.TokenEndpoint.TokenException;
import java.nio.file.Path;
import java.util.Map;

/** A person's login through the CLI's public client (password grant), kept in the {@link SessionFile}. */
public final class Login {

    public static final String CLIENT_ID = "cdm-cli";
    public static final String DEFAULT_ISSUER = "http://127.0.0.1:8180/realms/cdm";

    private final SessionFile file;

    public Login(SessionFile file) {
        this.file = file;
    }

    public Session logIn(String issuer, String user, String password) {
        try {
            Session session = Session.of(issuer, CLIENT_ID, user,
                    new TokenEndpoint(issuer).password(CLIENT_ID, user, password));
            file.write(session);
            return session;
        } catch (TokenException e) {
            throw new CliFailure(ExitCodes.NOT_AUTHORIZED, "Login of " + user + " failed: " + e.getMessage());
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
