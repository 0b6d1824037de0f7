package dev.cdm.ingestion.grpc;

import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.NettyServerBuilder;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * Runs a {@link FakeProfileService} and a {@link FakeAccessAudit} on a real grpc-java server on a free loopback port,
 * points the service under test at it for both peers, and injects them into test fields of their types.
 */
public class FakeProfileServiceResource implements QuarkusTestResourceLifecycleManager {

    private final FakeProfileService fake = new FakeProfileService();
    private final FakeAccessAudit audit = new FakeAccessAudit();
    private Server server;

    @Override
    public Map<String, String> start() {
        try {
            server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                    .addService(ServerInterceptors.intercept(fake, fake.headers()))
                    .addService(ServerInterceptors.intercept(audit, audit.headers()))
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("cdm.peers.profile-service", "127.0.0.1:" + server.getPort(),
                "cdm.peers.consent-service", "127.0.0.1:" + server.getPort());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(fake, new TestInjector.MatchesType(FakeProfileService.class));
        injector.injectIntoFields(audit, new TestInjector.MatchesType(FakeAccessAudit.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdownNow();
        }
    }
}
