package dev.cdm.ingestion.grpc;

import static dev.cdm.ingestion.grpc.IngestionRequests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cdm.proto.v1.PersonFields;
import dev.cdm.testing.EmbeddedStoresResource;
import dev.cdm.testing.KeycloakResource;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
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
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedStoresResource.class)
@QuarkusTestResource(KeycloakResource.class)
@TestProfile(ProfileServiceUnavailableTest.ClosedPeerPort.class)
class ProfileServiceUnavailableTest extends IngestionClientBase {

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
    void ingestRecord_failsUnavailableNamingProfileService_whenPeerUnreachable() {
        long start = System.nanoTime();
        StatusRuntimeException thrown = catchThrowableOfType(StatusRuntimeException.class,
                () -> ingestion().ingestRecord(
                        request("crm", "u-1", PersonFields.newBuilder().setLastName("Hamilton"))));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(thrown.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(thrown.getStatus().getDescription())
                .contains("profile-service at " + peer())
                .contains("the record was not accepted")
                .contains("retrying is safe");
        assertThat(took).isLessThan(Duration.ofSeconds(15));
        // strict clients (buf curl) fail on request headers echoed as trailers: see the exception handler
        assertThat(thrown.getTrailers().keys()).doesNotContain("user-agent", "te");
        assertThat(thrown.getTrailers().get(CONTENT_LENGTH)).isIn(null, "0");
    }

    @Test
    void ingestStream_answersKnownRejectsThenFailsUnavailable_whenPeerUnreachable() throws Exception {
        StreamRecorder stream = openStream()
                .send(1, request("crm", "u-2", PersonFields.newBuilder().setEmail("not-an-email")))
                .send(2, request("crm", "u-3", PersonFields.newBuilder().setLastName("Hamilton")));

        Status status = stream.awaitClose();
        assertThat(status.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(status.getDescription()).contains("profile-service at " + peer());
        assertThat(stream.sequences()).containsExactly(1L);
        assertThat(stream.results().get(0).getRejected().getRejectId()).isEqualTo("crm/u-2");
    }

    private static String peer() {
        return ConfigProvider.getConfig().getValue("cdm.peers.profile-service", String.class);
    }
}
