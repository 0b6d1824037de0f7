package dev.cdm.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdm.cli.CliRunner;
import dev.cdm.cli.CliRunner.Result;
import dev.cdm.cli.ExitCodes;
import dev.cdm.cli.FakeGrpcServer;
import dev.cdm.cli.TestStates;
import dev.cdm.cli.platform.PlatformService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportResumeTest {

    @TempDir
    Path data;

    private final FakeIngestion ingestion = new FakeIngestion();
    private FakeGrpcServer server;
    private Path file;

    @BeforeEach
    void startFakeServicesAndWriteFile() throws IOException {
        server = FakeGrpcServer.serving(ingestion, new FakeProjectionAdmin());
        TestStates.write(data, TestStates.unusedPort(),
                Map.of(PlatformService.INGESTION, server.port(), PlatformService.PROFILE, server.port()));
        file = Files.writeString(data.resolve("people.csv"),
                ImportCommandTest.HEADER + "\n1,crm,,,,,,,\n2,crm,,,,,,,\n3,crm,,,,,,,\n4,crm,,,,,,,\n5,crm,,,,,,,\n");
    }

    @AfterEach
    void stopFakeServices() throws InterruptedException {
        server.close();
    }

    @Test
    void import_exitsUnavailable_sayingHowFarItGot_andTheNextRunResumesAfterTheAnsweredLines() {
        ingestion.failAfter = 2;

        Result failed = new CliRunner(data).run("import", file.toString());

        assertThat(failed.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(failed.err()).contains("ingestion-service is unavailable at 127.0.0.1:")
                .contains("2 of 5 records were answered before the import stopped")
                .contains("run the same command again to resume after line 2.");

        ingestion.failAfter = -1;
        Result resumed = new CliRunner(data).run("import", file.toString());

        assertThat(resumed.exitCode()).isZero();
        assertThat(resumed.err()).contains("Resuming: lines up to 2 of " + file);
        assertThat(ingestion.streams.get(1)).containsExactly(3L, 4L, 5L);
        assertThat(resumed.out()).containsPattern("skipped +2 ").containsPattern("read +3\n")
                .containsPattern("created +3 ");
        assertThat(data.resolve("imports")).isEmptyDirectory();
    }

    @Test
    void import_ofACompletedFile_sendsEveryRecordAgain_andCountsThemUnchanged() {
        new CliRunner(data).run("import", file.toString());

        Result again = new CliRunner(data).run("import", file.toString());

        assertThat(again.exitCode()).isZero();
        assertThat(ingestion.streams.get(1)).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(again.out()).containsPattern("unchanged +5\n").containsPattern("created +0 ");
    }

    @Test
    void import_startsOver_whenTheFileChangedSinceTheFailedRun() throws IOException {
        ingestion.failAfter = 2;
        new CliRunner(data).run("import", file.toString());
        Files.writeString(file, "6,crm,,,,,,,\n", java.nio.file.StandardOpenOption.APPEND);
        ingestion.failAfter = -1;

        Result result = new CliRunner(data).run("import", file.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).doesNotContain("Resuming");
        assertThat(ingestion.streams.get(1)).isEqualTo(List.of(1L, 2L, 3L, 4L, 5L, 6L));
    }

    @Test
    void import_exitsUnavailable_withNothingAnswered_whenNothingListens() {
        TestStates.write(data, TestStates.unusedPort(), Map.of(PlatformService.INGESTION, TestStates.unusedPort()));

        Result result = new CliRunner(data).run("import", file.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(result.err()).contains("ingestion-service is unavailable").contains("connection refused")
                .contains("0 of 5 records were answered");
    }
}
