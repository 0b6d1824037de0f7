package dev.cdm.ingestion.grpc;

import static dev.cdm.ingestion.grpc.IngestionRequests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cdm.proto.v1.IngestionServiceGrpc;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.testing.EmbeddedStoresResource;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedStoresResource.class)
@TestProfile(ProfileServiceUnavailableTest.ClosedPeerPort.class)
class ProfileServiceUnavailableTest {

    private static final Metadata.Key<String> CONTENT_LENGTH =
            Metadata.Key.of("content-length", Metadata.ASCII_STRING_MARSHALLER);

    /** Points the peer at a loopback port that nothing listens on. */
    public static class ClosedPeerPort implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cdm.peers.profile-service", "127.0.0.1:" + closedPort());
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void ingestRecord_failsUnavailableNamingProfileService_whenPeerUnreachable() throws InterruptedException {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        String peer = ConfigProvider.getConfig().getValue("cdm.peers.profile-service", String.class);
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        try {
            long start = System.nanoTime();
            StatusRuntimeException thrown = catchThrowableOfType(StatusRuntimeException.class,
                    () -> IngestionServiceGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS)
                            .ingestRecord(request("crm", "u-1", PersonFields.newBuilder().setLastName("Hamilton"))));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(thrown.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
            assertThat(thrown.getStatus().getDescription())
                    .contains("profile-service at " + peer)
                    .contains("the record was not accepted")
                    .contains("retrying is safe");
            assertThat(took).isLessThan(Duration.ofSeconds(15));
            // strict clients (buf curl) fail on request headers echoed as trailers: see the exception handler
            assertThat(thrown.getTrailers().keys()).doesNotContain("user-agent", "te");
            assertThat(thrown.getTrailers().get(CONTENT_LENGTH)).isIn(null, "0");
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
