package dev.cdm.kernel.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The identities of bearer tokens this service has already verified (signature, issuer, audience, expiry), keyed by
 * the exact token, so that a caller sending the same token on every call pays for its verification once. An entry
 * lives until the token expires, and never longer than {@code maxAge}: that bounds how long a token stays accepted
 * after its signing key was rotated out. A token that failed verification is never kept, so it is verified (and
 * refused) again every time.
 */
public final class VerifiedTokens {

    /** Attributes that belong to the request the token came with, not to the token: never carried to another call. */
    private static final Set<String> REQUEST_ATTRIBUTES = Set.of(RoutingContext.class.getName(),
            AuthenticationRequestContext.class.getName());

    private final Cache<String, SecurityIdentity> identities;
    private final Clock clock;
    private final Duration maxAge;

    public VerifiedTokens(long maxSize, Duration maxAge, Clock clock, Ticker ticker) {
        this.clock = clock;
        this.maxAge = maxAge;
        this.identities = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .expireAfter(Expiry.creating((String token, SecurityIdentity identity) -> lifetime(identity)))
                .ticker(ticker)
                .recordStats()
                .build();
    }

    /** The identity verified for exactly this token, while the token is still valid. */
    public Optional<SecurityIdentity> identityOf(String token) {
        SecurityIdentity identity = identities.getIfPresent(token);
        if (identity == null || lifetime(identity).isZero()) {
            return Optional.empty();
        }
        return Optional.of(identity);
    }

    /** Keeps a verified identity for its token; identities without a JWT principal and an expiry are not kept. */
    public void remember(SecurityIdentity identity) {
        TokenCredential credential = identity.getCredential(TokenCredential.class);
        if (credential == null || !(identity.getPrincipal() instanceof JsonWebToken)
                // (through the map view: a lookup that is no caller's does not count as a hit or miss)
                || identities.asMap().get(credential.getToken()) == identity || lifetime(identity).isZero()) {
            return;
        }
        identities.put(credential.getToken(), withoutRequestAttributes(identity));
    }

    public Cache<String, SecurityIdentity> cache() {
        return identities;
    }

    private Duration lifetime(SecurityIdentity identity) {
        long expiresAt = ((JsonWebToken) identity.getPrincipal()).getExpirationTime();
        Duration left = Duration.between(clock.instant(), Instant.ofEpochSecond(expiresAt));
        if (left.isNegative()) {
            return Duration.ZERO;
        }
        return left.compareTo(maxAge) < 0 ? left : maxAge;
    }

    private static SecurityIdentity withoutRequestAttributes(SecurityIdentity identity) {
        Map<String, Object> attributes = identity.getAttributes().entrySet().stream()
                .filter(attribute -> !REQUEST_ATTRIBUTES.contains(attribute.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials())
                .addAttributes(attributes)
                .addPermissionChecker(identity::checkPermission)
                .setAnonymous(identity.isAnonymous())
                .build();
    }
}
