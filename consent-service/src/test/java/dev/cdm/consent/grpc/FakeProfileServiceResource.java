package dev.cdm.consent.grpc;

import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;

/** Runs a {@link FakeProfileService} on a free loopback port and points consent-service's profile-service peer at it. */
public class FakeProfileServiceResource implements QuarkusTestResourceLifecycleManager {

    private Server server;

    @Override
    public Map<String, String> start() {
        try {
            server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                    .addService(new FakeProfileService())
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("cdm.peers.profile-service", "127.0.0.1:" + server.getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdownNow();
        }
    }
}
