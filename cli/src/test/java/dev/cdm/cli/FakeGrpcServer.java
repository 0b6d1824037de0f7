package dev.cdm.cli;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/** A real gRPC server on a free loopback port, serving fake implementations of the CDM services. */
public final class FakeGrpcServer implements AutoCloseable {

    private final Server server;

    private FakeGrpcServer(Server server) {
        this.server = server;
    }

    public static FakeGrpcServer serving(BindableService... services) {
        NettyServerBuilder builder = NettyServerBuilder.forAddress(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        for (BindableService service : services) {
            builder.addService(service);
        }
        try {
            return new FakeGrpcServer(builder.build().start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}
