package dev.cdm.kernel.security;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The service's {@link VerifiedTokens}, sized and bounded by configuration, its hits and misses in /q/metrics. */
public class VerifiedTokensProducer {

    @Produces
    @Singleton
    VerifiedTokens verifiedTokens(MeterRegistry registry,
                                  @ConfigProperty(name = "cdm.security.verified-tokens.max-size", defaultValue = "10000")
                                  long maxSize,
                                  @ConfigProperty(name = "cdm.security.verified-tokens.max-age", defaultValue = "PT1M")
                                  Duration maxAge) {
        // the system clock, not the service's Clock bean: quarkus-oidc checks a token's expiry against it too
        VerifiedTokens tokens = new VerifiedTokens(maxSize, maxAge, Clock.systemUTC(), Ticker.systemTicker());
        CaffeineCacheMetrics.monitor(registry, tokens.cache(), "cdm.verified-tokens");
        return tokens;
    }
}
