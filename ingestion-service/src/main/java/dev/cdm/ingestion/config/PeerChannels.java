package dev.cdm.ingestion.config;

import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The channels to peer services, built once and closed on shutdown: plaintext HTTP/2 with gRPC's own retries of
 * calls that failed {@code UNAVAILABLE}. Retrying is safe because every peer command is idempotent.
 */
public class PeerChannels {

    public static final String PROFILE_SERVICE = "profile-service";

    @Produces
    @Singleton
    @Named(PROFILE_SERVICE)
    ManagedChannel profileService(
            @ConfigProperty(name = "cdm.peers.profile-service") String address,
            @ConfigProperty(name = "cdm.peers.retry.max-attempts", defaultValue = "5") int maxAttempts,
            @ConfigProperty(name = "cdm.peers.retry.initial-backoff", defaultValue = "PT0.1S") Duration initial,
            @ConfigProperty(name = "cdm.peers.retry.max-backoff", defaultValue = "PT2S") Duration max) {
        NettyChannelBuilder channel = NettyChannelBuilder.forTarget(address).usePlaintext();
        if (maxAttempts < 2) {
            return channel.disableRetry().build(); // gRPC refuses a retry policy of fewer than two attempts
        }
        return channel.defaultServiceConfig(retryingServiceConfig("cdm.v1.ProfileService", maxAttempts, initial, max))
                .enableRetry()
                .maxRetryAttempts(maxAttempts)
                .build();
    }

    void close(@Disposes @Named(PROFILE_SERVICE) ManagedChannel channel) throws InterruptedException {
        channel.shutdown();
        if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
            channel.shutdownNow();
        }
    }

    /** A gRPC service config that retries every method of {@code service} on UNAVAILABLE, backing off. */
    static Map<String, Object> retryingServiceConfig(String service, int maxAttempts, Duration initial,
                                                     Duration max) {
        Map<String, Object> retryPolicy = Map.of(
                "maxAttempts", (double) maxAttempts,
                "initialBackoff", seconds(initial),
                "maxBackoff", seconds(max),
                "backoffMultiplier", 2.0,
                "retryableStatusCodes", List.of("UNAVAILABLE"));
        Map<String, Object> methodConfig = Map.of(
                "name", List.of(Map.of("service", service)),
                "retryPolicy", retryPolicy);
        return Map.of("methodConfig", List.of(methodConfig));
    }

    private static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toNanos(), 9).stripTrailingZeros().toPlainString() + "s";
    }
}
