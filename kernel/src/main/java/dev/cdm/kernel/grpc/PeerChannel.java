package dev.cdm.kernel.grpc;

import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A channel to a peer service: plaintext HTTP/2 with gRPC's own retries of calls that failed {@code UNAVAILABLE}.
 * Retrying is safe because every peer command is idempotent.
 */
public final class PeerChannel {

    private PeerChannel() {
    }

    /**
     * A channel to {@code address} that retries every method of {@code grpcService} up to {@code maxAttempts}, each
     * call going through {@code interceptors}.
     */
    public static ManagedChannel open(String address, String grpcService, int maxAttempts, Duration initialBackoff,
                                      Duration maxBackoff, ClientInterceptor... interceptors) {
        NettyChannelBuilder channel = NettyChannelBuilder.forTarget(address).usePlaintext().intercept(interceptors);
        if (maxAttempts < 2) {
            return channel.disableRetry().build(); // gRPC refuses a retry policy of fewer than two attempts
        }
        return channel.defaultServiceConfig(retryingServiceConfig(grpcService, maxAttempts, initialBackoff,
                        maxBackoff))
                .enableRetry()
                .maxRetryAttempts(maxAttempts)
                .build();
    }

    public static void close(ManagedChannel channel) throws InterruptedException {
        channel.shutdown();
        if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
            channel.shutdownNow();
        }
    }

    /** A gRPC service config that retries every method of {@code service} on UNAVAILABLE, backing off. */
    public static Map<String, Object> retryingServiceConfig(String service, int maxAttempts, Duration initial,
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
