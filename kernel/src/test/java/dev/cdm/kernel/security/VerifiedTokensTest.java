package dev.cdm.kernel.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final Instant START = Instant.parse("2026-12-03T10:00:00Z");
    private static final Duration MAX_AGE = Duration.ofMinutes(1);

    private final FakeTime time = new FakeTime();
    private final VerifiedTokens tokens = new VerifiedTokens(100, MAX_AGE, time.clock(), time::nanos);

    @Test
    void aRememberedToken_answersWithItsIdentity_andAnyOtherTokenWithNothing() {
        SecurityIdentity verified = identity("token-a", START.plusSeconds(300));
        tokens.remember(verified);

        assertThat(tokens.identityOf("token-a")).get().satisfies(identity -> {
            assertThat(identity.getPrincipal()).isSameAs(verified.getPrincipal());
            assertThat(identity.getRoles()).containsExactly("profile-reader");
            assertThat(identity.getCredential(TokenCredential.class).getToken()).isEqualTo("token-a");
        });
        assertThat(tokens.identityOf("token-b")).isEmpty();
        assertThat(tokens.identityOf("token-a ")).as("only the exact token").isEmpty();
    }

    @Test
    void aToken_isForgottenTheMomentItExpires() {
        tokens.remember(identity("token-a", START.plusSeconds(30)));

        time.advance(Duration.ofSeconds(29));
        assertThat(tokens.identityOf("token-a")).isPresent();
        time.advance(Duration.ofSeconds(1));
        assertThat(tokens.identityOf("token-a")).isEmpty();
    }

    @Test
    void aLongLivedToken_isVerifiedAgainAfterTheMaximumAge() {
        tokens.remember(identity("token-a", START.plus(Duration.ofHours(8))));

        time.advance(MAX_AGE.minusSeconds(1));
        assertThat(tokens.identityOf("token-a")).isPresent();
        time.advance(Duration.ofSeconds(1));
        assertThat(tokens.identityOf("token-a")).isEmpty();
    }

    @Test
    void anExpiredToken_orOneWithoutAJwt_isNotKept() {
        tokens.remember(identity("expired", START.minusSeconds(1)));
        tokens.remember(QuarkusSecurityIdentity.builder().setPrincipal(() -> "basic-user")
                .addCredential(new TokenCredential("opaque", "bearer")).build());

        assertThat(tokens.identityOf("expired")).isEmpty();
        assertThat(tokens.identityOf("opaque")).isEmpty();
    }

    @Test
    void theRequestTheTokenCameWith_isNotCarriedToTheNextCall() {
        SecurityIdentity verified = QuarkusSecurityIdentity.builder(identity("token-a", START.plusSeconds(300)))
                .addAttribute(RoutingContext.class.getName(), new Object())
                .addAttribute(AuthenticationRequestContext.class.getName(), new Object())
                .addAttribute("tenant-id", "Default")
                .build();
        tokens.remember(verified);

        assertThat(tokens.identityOf("token-a")).get().extracting(SecurityIdentity::getAttributes)
                .isEqualTo(Map.of("tenant-id", "Default"));
    }

    @Test
    void atMostMaxSizeTokensAreKept() {
        VerifiedTokens small = new VerifiedTokens(2, MAX_AGE, time.clock(), time::nanos);
        for (int i = 0; i < 10; i++) {
            small.remember(identity("token-" + i, START.plusSeconds(300)));
        }
        small.cache().cleanUp();

        assertThat(small.cache().estimatedSize()).isLessThanOrEqualTo(2);
    }

    private static SecurityIdentity identity(String token, Instant expiresAt) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new VerifiedJwt("analyst", Map.of("exp", expiresAt.getEpochSecond())))
                .addCredential(new TokenCredential(token, "bearer"))
                .addRole("profile-reader")
                .build();
    }

    /** One fake time for the wall clock tokens expire by and the ticker the cache ages its entries by. */
    private static final class FakeTime {
        private final AtomicLong elapsedNanos = new AtomicLong();

        long nanos() {
            return elapsedNanos.get();
        }

        void advance(Duration duration) {
            elapsedNanos.addAndGet(duration.toNanos());
        }

        Clock clock() {
            return new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return START.plusNanos(elapsedNanos.get());
                }
            };
        }
    }
}
