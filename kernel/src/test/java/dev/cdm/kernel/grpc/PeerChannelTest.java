package dev.cdm.kernel.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PeerChannelTest {

    @Test
    void retryingServiceConfig_retriesUnavailableWithBackoff_forTheService() {
        Map<String, Object> config = PeerChannel.retryingServiceConfig("cdm.v1.ProfileService", 5,
                Duration.ofMillis(100), Duration.ofSeconds(2));

        @SuppressWarnings("unchecked")
        Map<String, Object> method = (Map<String, Object>) ((List<?>) config.get("methodConfig")).get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> retryPolicy = (Map<String, Object>) method.get("retryPolicy");
        assertThat(method.get("name")).isEqualTo(List.of(Map.of("service", "cdm.v1.ProfileService")));
        assertThat(retryPolicy).containsEntry("maxAttempts", 5.0)
                .containsEntry("initialBackoff", "0.1s")
                .containsEntry("maxBackoff", "2s")
                .containsEntry("retryableStatusCodes", List.of("UNAVAILABLE"));
    }

    @Test
    void open_buildsAChannelThatGrpcAccepts_withRetryPolicy() throws InterruptedException {
        ManagedChannel channel = PeerChannel.open("127.0.0.1:8082", Optional.empty(), "cdm.v1.ProfileService", 5,
                Duration.ofMillis(100), Duration.ofSeconds(2));

        assertThat(channel.authority()).isEqualTo("127.0.0.1:8082");
        PeerChannel.close(channel);
        assertThat(channel.isTerminated()).isTrue();
    }

    @Test
    void open_buildsAChannel_whenRetriesDisabled() throws InterruptedException {
        ManagedChannel channel = PeerChannel.open("localhost:8082", Optional.empty(), "cdm.v1.ProfileService", 1,
                Duration.ofMillis(100), Duration.ofSeconds(2));

        assertThat(channel.authority()).isEqualTo("localhost:8082");
        PeerChannel.close(channel);
        assertThat(channel.isShutdown()).isTrue();
    }
}
