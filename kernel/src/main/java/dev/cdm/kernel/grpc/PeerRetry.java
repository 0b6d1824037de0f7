package dev.cdm.kernel.grpc;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How a channel to a peer retries calls that failed UNAVAILABLE ({@code cdm.peers.retry.*}). */
@ConfigMapping(prefix = "cdm.peers.retry")
public interface PeerRetry {

    /** Attempts in all, the first included; fewer than two disables retrying. */
    @WithDefault("5")
    int maxAttempts();

    @WithDefault("PT0.1S")
    Duration initialBackoff();

    @WithDefault("PT2S")
    Duration maxBackoff();
}
