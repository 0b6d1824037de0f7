package dev.cdm.kernel.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cdm.proto.v1.ListProjectionsRequest;
import dev.cdm.proto.v1.ListProjectionsResponse;
import dev.cdm.proto.v1.ProjectionAdminServiceGrpc;
import dev.cdm.testing.SelfSignedCertificate;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Peer channels over TLS against a real gRPC server with a self-signed certificate ({@link SelfSignedCertificate}). */
class PeerChannelTlsTest {

    @TempDir
    static Path dir;

    private static Server server;
    private static Path certificate;

    @BeforeAll
    static void startTlsServer() throws Exception {
        SelfSignedCertificate localhost = SelfSignedCertificate.create(dir);
        certificate = localhost.certificate();
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0),
                        TlsServerCredentials.newBuilder().keyManager(localhost.keyManagers().getKeyManagers()).build())
                .addService(new ProjectionAdminServiceGrpc.ProjectionAdminServiceImplBase() {
                    @Override
                    public void listProjections(ListProjectionsRequest request,
                                                StreamObserver<ListProjectionsResponse> response) {
                        response.onNext(ListProjectionsResponse.getDefaultInstance());
                        response.onCompleted();
                    }
                })
                .build().start();
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void aChannelTrustingTheServersCertificate_callsOverTls() throws InterruptedException {
        ManagedChannel channel = open("localhost:" + server.getPort(), Optional.of(certificate));
        try {
            assertThat(ProjectionAdminServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                    .listProjections(ListProjectionsRequest.getDefaultInstance())).isNotNull();
        } finally {
            PeerChannel.close(channel);
        }
    }

    @Test
    void aPlaintextChannel_isNotServedByATlsServer() throws InterruptedException {
        ManagedChannel channel = open("localhost:" + server.getPort(), Optional.empty());
        try {
            StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                    () -> ProjectionAdminServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                            .listProjections(ListProjectionsRequest.getDefaultInstance()));
            assertThat(refused.getStatus().getCode()).isIn(Status.Code.UNAVAILABLE, Status.Code.INTERNAL);
        } finally {
            PeerChannel.close(channel);
        }
    }

    @Test
    void aServerWhoseNameTheCertificateDoesNotCover_isRefused() throws InterruptedException {
        ManagedChannel channel = open("127.0.0.2:" + server.getPort(), Optional.of(certificate));
        try {
            StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                    () -> ProjectionAdminServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                            .listProjections(ListProjectionsRequest.getDefaultInstance()));
            assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        } finally {
            PeerChannel.close(channel);
        }
    }

    @Test
    void anUnreadableTrustFile_failsNamingTheSetting() {
        assertThatThrownBy(() -> open("localhost:1", Optional.of(dir.resolve("missing.pem"))))
                .hasMessageContaining("cdm.peers.tls.trust-certificate-file");
    }

    private static ManagedChannel open(String address, Optional<Path> trust) {
        return PeerChannel.open(address, trust, "cdm.v1.ProjectionAdminService", 1, Duration.ofMillis(100),
                Duration.ofSeconds(1));
    }
}
