package dev.cdm.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformStateFileTest {

    @TempDir
    Path data;

    private final PlatformState state = new PlatformState("/srv/cdm", Instant.parse("2026-11-23T10:15:30.123Z"),
            new StoresProcess(100, Instant.parse("2026-11-23T10:15:00Z"), 15432, 27027,
                    "jdbc:postgresql://127.0.0.1:15432/cdm", "postgres", "mongodb://127.0.0.1:27027",
                    "/srv/cdm/logs/embedded-stores.log", "/srv/cdm/kms/master.key"),
            List.of(new ServiceProcess("ingestion-service", 101, Instant.parse("2026-11-23T10:15:05Z"), 8081,
                            "/srv/cdm/logs/ingestion-service.log"),
                    new ServiceProcess("profile-service", 102, Instant.parse("2026-11-23T10:15:06Z"), 8082,
                            "/srv/cdm/logs/profile-service.log")));

    @Test
    void read_returnsTheWrittenState_afterWrite() {
        PlatformStateFile file = PlatformStateFile.in(data);

        file.write(state);

        assertThat(file.path()).isEqualTo(data.resolve("run/platform.json"));
        assertThat(file.read()).contains(state);
    }

    @Test
    void write_storesSnakeCaseKeysAndIsoTimes_forScriptsToRead() throws Exception {
        PlatformStateFile.in(data).write(state);

        String json = Files.readString(data.resolve("run/platform.json"));

        assertThat(json).contains("\"jdbc_url\"").contains("\"mongo_uri\"").contains("\"postgres_port\"")
                .contains("\"started_at\" : \"2026-11-23T10:15:30.123Z\"");
    }

    @Test
    void read_returnsEmpty_whenNothingWasWritten() {
        assertThat(PlatformStateFile.in(data).read()).isEmpty();
    }

    @Test
    void delete_removesTheFile_whenItExists() {
        PlatformStateFile file = PlatformStateFile.in(data);
        file.write(state);

        file.delete();

        assertThat(file.read()).isEmpty();
        assertThat(data.resolve("run/platform.json")).doesNotExist();
    }

    @Test
    void read_failsNamingTheFile_whenItIsNotJson() throws Exception {
        Files.createDirectories(data.resolve("run"));
        Files.writeString(data.resolve("run/platform.json"), "{ not json");

        assertThatThrownBy(() -> PlatformStateFile.in(data).read())
                .isInstanceOf(PlatformException.class)
                .hasMessageContaining(data.resolve("run/platform.json").toString());
    }

    @Test
    void withService_replacesTheEntryOfTheSameName_andKeepsServiceOrder() {
        ServiceProcess restarted = new ServiceProcess("ingestion-service", 201, Instant.EPOCH, 8081, "log");

        PlatformState updated = state.withService(restarted);

        assertThat(updated.services()).extracting(ServiceProcess::name)
                .containsExactly("ingestion-service", "profile-service");
        assertThat(updated.service(PlatformService.INGESTION)).contains(restarted);
    }
}
