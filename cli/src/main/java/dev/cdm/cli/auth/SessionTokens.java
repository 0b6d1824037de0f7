package dev.cdm.cli.auth;

import dev.cdm.cli.CliFailure;
import dev.cdm.cli.ExitCodes;
import dev.cdm.cli.grpc.ServerTrust;
import dev.cdm.keycloak.TokenEndpoint.TokenException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The access token for the next call: the login's, refreshed (and saved) when it expires within
 * {@link #MARGIN}. Without a login there is none, and services answer UNAUTHENTICATED.
 */
public final class SessionTokens {

    static final Duration MARGIN = Duration.ofSeconds(30);

    private final SessionFile file;
    private final ServerTrust trust;
    private final Clock clock;
    private Session session;

    /** Tokens of the local platform's login. */
    public SessionTokens(SessionFile file, Clock clock) {
        this(file, ServerTrust.plaintext(), clock);
    }

    /** Tokens of a login whose realm's https certificate {@code trust} checks when they are refreshed. */
    public SessionTokens(SessionFile file, ServerTrust trust, Clock clock) {
        this.file = file;
        this.trust = trust;
        this.clock = clock;
    }

    public synchronized Optional<String> accessToken() {
        if (session == null) {
            session = file.read().orElse(null);
            if (session == null) {
                return Optional.empty();
            }
        }
        if (session.expiresAt().isAfter(clock.instant().plus(MARGIN))) {
            return Optional.of(session.accessToken());
        }
        if (!session.canRefresh(clock.instant())) {
            throw new CliFailure(ExitCodes.NOT_AUTHORIZED, "The login of " + session.user()
                    + " has expired; run cdm login");
        }
        try {
            session = session.refreshedWith(trust.tokenEndpoint(session.issuer())
                    .refresh(session.clientId(), session.refreshToken()));
        } catch (TokenException e) {
            throw new CliFailure(ExitCodes.NOT_AUTHORIZED, e.getMessage() + "; run cdm login");
        }
        file.write(session);
        return Optional.of(session.accessToken());
    }
}
