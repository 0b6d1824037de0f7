package dev.cdm.testing;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.net.URL;
import java.util.concurrent.TimeUnit;

/** A plaintext gRPC channel to a service under test, which serves gRPC on its HTTP port. */
public final class GrpcTestChannel implements AutoCloseable {

    private final ManagedChannel channel;

    private GrpcTestChannel(ManagedChannel channel) {
        this.channel = channel;
    }

    /** A channel to the host and port of {@code url}, e.g. a {@code @TestHTTPResource} URL. */
    public static GrpcTestChannel to(URL url) {
        return new GrpcTestChannel(ManagedChannelBuilder.forAddress(url.getHost(), url.getPort())
                .usePlaintext()
                .build());
    }

    public ManagedChannel channel() {
        return channel;
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
