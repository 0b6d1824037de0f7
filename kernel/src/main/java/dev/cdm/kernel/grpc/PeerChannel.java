package dev.cdm.kernel.grpc;

import io.grpc.ChannelCredentials;
import io.grpc.ClientInterceptor;
import io.grpc.ConnectivityState;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A channel to a peer service: HTTP/2, over TLS when given the certificates to trust ({@link PeerTls}), with gRPC's
 * own retries of calls that failed {@code UNAVAILABLE}. Retrying is safe because every peer command is idempotent.
 */
public final class PeerChannel {

    private PeerChannel() {
    }

    /**
     * A channel to {@code address}, over TLS trusting {@code trustCertificateFile} when given (else plaintext), that
     * retries every method of {@code grpcService} up to {@code maxAttempts}, each call going through
     * {@code interceptors}.
     */
    public static ManagedChannel open(String address, Optional<Path> trustCertificateFile, String grpcService,
                                      int maxAttempts, Duration initialBackoff, Duration maxBackoff,
                                      ClientInterceptor... interceptors) {
        ChannelCredentials transport = trustCertificateFile.map(PeerChannel::trusting)
                .orElseGet(InsecureChannelCredentials::create);
        NettyChannelBuilder channel = NettyChannelBuilder.forTarget(address, transport).intercept(interceptors);
        if (maxAttempts < 2) {
            return channel.disableRetry().build(); // gRPC refuses a retry policy of fewer than two attempts
        }
        return channel.defaultServiceConfig(retryingServiceConfig(grpcService, maxAttempts, initialBackoff,
                        maxBackoff))
                .enableRetry()
                .maxRetryAttempts(maxAttempts)
                .build();
    }

    private static ChannelCredentials trusting(Path certificates) {
        try {
            return TlsChannelCredentials.newBuilder().trustManager(certificates.toFile()).build();
        } catch (IOException e) {
            throw new UncheckedIOException("The peers' trust certificate file " + certificates
                    + " (cdm.peers.tls.trust-certificate-file) is not a readable PEM file", e);
        }
    }

    /**
     * After an outage the channel waits longer and longer before it reconnects, failing calls fast meanwhile; a call
     * is the moment to try again at once, so a peer that is back is used right away.
     */
    public static void reconnectIfFailing(ManagedChannel channel) {
        if (channel.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
            channel.resetConnectBackoff();
        }
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
