package dev.cdm.cli.auth;

import dev.cdm.keycloak.TokenEndpoint.Tokens;
import java.time.Instant;

/**
 * A person's login as the CLI keeps it: who, at which realm, and the current tokens. Lives only in
 * {@link SessionFile} (mode 0600) and is never printed.
 */
public record Session(String issuer, String clientId, String user, String accessToken, Instant expiresAt,
                      String refreshToken, Instant refreshExpiresAt) {

    static Session of(String issuer, String clientId, String user, Tokens tokens) {
        return new Session(issuer, clientId, user, tokens.accessToken(), tokens.expiresAt(), tokens.refreshToken(),
                tokens.refreshExpiresAt());
    }

    Session refreshedWith(Tokens tokens) {
        return of(issuer, clientId, user, tokens);
    }

    boolean canRefresh(Instant now) {
        return refreshToken != null && refreshExpiresAt != null && refreshExpiresAt.isAfter(now);
    }

    @Override
    public String toString() {
        return "Session[user=" + user + ", issuer=" + issuer + ", expiresAt=" + expiresAt + "]";
    }
}
