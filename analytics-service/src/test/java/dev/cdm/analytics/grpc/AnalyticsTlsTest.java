package dev.cdm.analytics.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cdm.proto.v1.AnalyticsServiceGrpc;
import dev.cdm.proto.v1.GetProfileCountsRequest;
import dev.cdm.testing.EmbeddedStoresResource;
import dev.cdm.testing.GrpcTestChannel;
import dev.cdm.testing.KeycloakResource;
import io.grpc.ChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.NettyChannelBuilder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The server side of docs/tls.md: with the TLS registry's key store and plaintext disabled, gRPC is served over TLS
 * on the HTTP server's TLS port, to clients trusting the certificate, and the bearer token is still checked.
 */
@QuarkusTest
@TestProfile(AnalyticsTlsTest.TlsOnly.class)
@QuarkusTestResource(EmbeddedStoresResource.class)
@QuarkusTestResource(KeycloakResource.class)
class AnalyticsTlsTest {

    /** A profile of its own, so that the TLS resource restarts only this test's application. */
    public static class TlsOnly implements QuarkusTestProfile {
        @Override
        public java.util.List<TestResourceEntry> testResources() {
            return java.util.List.of(new TestResourceEntry(TlsResource.class));
        }
    }

    @TestHTTPResource(value = "/", tls = true)
    URL https;

    @TestHTTPResource("/")
    URL http;

    @Test
    void aClientTrustingTheCertificate_isServedOverTls_withItsToken() throws Exception {
        ManagedChannel channel = channel(TlsChannelCredentials.newBuilder()
                .trustManager(TlsResource.certificate.certificate().toFile()).build());
        try {
            assertThat(AnalyticsServiceGrpc.newBlockingStub(channel)
                    .withCallCredentials(GrpcTestChannel.credentialsOf("analyst"))
                    .withDeadlineAfter(30, TimeUnit.SECONDS)
                    .getProfileCounts(GetProfileCountsRequest.getDefaultInstance())).isNotNull();
            StatusRuntimeException withoutToken = catchThrowableOfType(StatusRuntimeException.class,
                    () -> AnalyticsServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
                            .getProfileCounts(GetProfileCountsRequest.getDefaultInstance()));
            assertThat(withoutToken.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aPlaintextClient_isServedOnNeitherPort() throws InterruptedException {
        for (int port : new int[] {https.getPort(), http.getPort()}) {
            ManagedChannel channel = NettyChannelBuilder.forAddress("localhost", port,
                    InsecureChannelCredentials.create()).build();
            try {
                StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                        () -> AnalyticsServiceGrpc.newBlockingStub(channel)
                                .withCallCredentials(GrpcTestChannel.credentialsOf("analyst"))
                                .withDeadlineAfter(30, TimeUnit.SECONDS)
                                .getProfileCounts(GetProfileCountsRequest.getDefaultInstance()));
                assertThat(refused).as("plaintext to port " + port).isNotNull();
                assertThat(refused.getStatus().getCode()).isIn(Status.Code.UNAVAILABLE, Status.Code.INTERNAL,
                        Status.Code.UNKNOWN);
            } finally {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }

    private ManagedChannel channel(ChannelCredentials credentials) {
        assertThat(https.getProtocol()).isEqualTo("https");
        return NettyChannelBuilder.forAddress("localhost", https.getPort(), credentials).build();
    }
}
