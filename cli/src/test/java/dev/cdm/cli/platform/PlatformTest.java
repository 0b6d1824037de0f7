package dev.cdm.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformTest {

    @TempDir
    Path home;

    @TempDir
    Path data;

    private Process child;

    @AfterEach
    void killChild() {
        if (child != null) {
            child.destroyForcibly();
        }
    }

    @Test
    void up_failsNamingTheMissingJars_whenNothingIsBuilt() {
        Platform platform = new Platform(PlatformLayout.at(home), data);

        assertThatThrownBy(() -> platform.up(PlatformPorts.free()))
                .isInstanceOf(PlatformException.class)
                .hasMessageContaining("Not built yet")
                .hasMessageContaining(home.resolve("profile-service/target/quarkus-app/quarkus-run.jar").toString());
        assertThat(platform.state()).isEmpty();
    }

    @Test
    void down_stopsTheRecordedProcesses_andRemovesTheState() throws IOException {
        child = new ProcessBuilder("sleep", "30").start();
        Instant started = child.toHandle().info().startInstant().orElseThrow();
        PlatformStateFile.in(data).write(new PlatformState(data.toString(), Instant.now(),
                new StoresProcess(child.pid(), started, 1, 2, "jdbc:postgresql://x", "postgres", "mongodb://x", "l", "k"),
                List.of()));
        Platform platform = new Platform(PlatformLayout.at(home), data, PlatformSettings.defaults()
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5)), line -> { });

        boolean wasRunning = platform.down();

        assertThat(wasRunning).isTrue();
        assertThat(child.isAlive()).isFalse();
        assertThat(platform.state()).isEmpty();
    }

    @Test
    void down_leavesAProcessAlone_whoseStartTimeDoesNotMatch_becauseItsPidWasReused() throws IOException {
        child = new ProcessBuilder("sleep", "30").start();
        PlatformStateFile.in(data).write(new PlatformState(data.toString(), Instant.now(),
                new StoresProcess(child.pid(), Instant.parse("2001-01-01T00:00:00Z"), 1, 2, "j", "u", "m", "l", "k"),
                List.of()));

        new Platform(PlatformLayout.at(home), data).down();

        assertThat(child.isAlive()).isTrue();
    }

    @Test
    void status_reportsNotRunning_whenNoStateIsRecorded() {
        PlatformStatus status = new Platform(PlatformLayout.at(home), data).status();

        assertThat(status.running()).isFalse();
        assertThat(status.ready()).isFalse();
        assertThat(status.services()).isEmpty();
    }

    @Test
    void killService_fails_whenThePlatformIsNotRunning() {
        Platform platform = new Platform(PlatformLayout.at(home), data);

        assertThatThrownBy(() -> platform.killService("profile-service"))
                .isInstanceOf(PlatformException.class)
                .hasMessageContaining("CDM is not running");
    }

    @Test
    void restartService_failsListingTheValidNames_whenTheNameIsUnknown() {
        Platform platform = new Platform(PlatformLayout.at(home), data);

        assertThatThrownBy(() -> platform.restartService("billing-service"))
                .isInstanceOf(PlatformException.class)
                .hasMessageContaining("ingestion-service, profile-service, consent-service, analytics-service");
    }
}
