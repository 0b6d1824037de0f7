package dev.cdm.bench.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StartTimesTest {

    @Test
    void startedIn_readsTheLastQuarkusStartLine() {
        String prefix = "INFO  [io.quarkus] profile-service 0.1.0 on JVM (powered by Quarkus 3.34.2) ";
        String log = prefix + "started in 3.210s. Listening on: http://0.0.0.0:8082\n"
                + "INFO  [io.quarkus] Profile prod activated.\n"
                + prefix + "started in 2.5s. Listening on: http://0.0.0.0:8082\n";

        assertThat(StartTimes.startedIn(log)).contains(2.5);
    }

    @Test
    void startedIn_isEmpty_beforeTheServiceStarted() {
        assertThat(StartTimes.startedIn("Starting...\n")).isEmpty();
    }
}
