package dev.cdm.profile.grpc;

import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * Runs a {@link FakeConsentService} on a real grpc-java server on a free loopback port, points profile-service's
 * consent-service peer at it, and injects it into test fields of its type.
 */
public class FakeConsentServiceResource implements QuarkusTestResourceLifecycleManager {

    private final FakeConsentService fake = new FakeConsentService();
    private Server server;

    @Override
    public Map<String, String> start() {
        try {
            server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                    .addService(fake)
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("cdm.peers.consent-service", "127.0.0.1:" + server.getPort());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(fake, new TestInjector.MatchesType(FakeConsentService.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdownNow();
        }
    }
}
