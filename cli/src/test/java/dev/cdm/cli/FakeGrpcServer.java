package dev.cdm.cli;

import io.grpc.BindableService;
import dev.cdm.testing.SelfSignedCertificate;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptor;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;

/** A real gRPC server on a free loopback port, serving fake implementations of the CDM services. */
public final class FakeGrpcServer implements AutoCloseable {

    private final Server server;

    private FakeGrpcServer(Server server) {
        this.server = server;
    }

    public static FakeGrpcServer serving(BindableService... services) {
        return start(NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)),
                services);
    }

    /** Serves over TLS only, with {@code certificate} (for localhost and 127.0.0.1); {@code interceptor} sees every call. */
    public static FakeGrpcServer servingTls(SelfSignedCertificate certificate, ServerInterceptor interceptor,
                                            BindableService... services) throws GeneralSecurityException, IOException {
        ServerCredentials tls = TlsServerCredentials.newBuilder()
                .keyManager(certificate.keyManagers().getKeyManagers()).build();
        NettyServerBuilder builder = NettyServerBuilder.forAddress(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), tls);
        builder.intercept(interceptor);
        return start(builder, services);
    }

    private static FakeGrpcServer start(NettyServerBuilder builder, BindableService... services) {
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
