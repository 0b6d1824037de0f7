package dev.cdm.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cdm.cli.platform.PlatformService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The platform as users reach it: buf curl (a real gRPC client, through reflection) and the cdm CLI. */
@ExtendWith(SharedPlatform.class)
class ToolsSystemTest {

    private static final Pattern PROFILE_ID = Pattern.compile("\"profileId\": \"([0-9a-f-]{36})\"");

    private final RunningPlatform cdm = SharedPlatform.get();

    @Test
    void bufCurl_listsEachServiceWithHealthAndReflection() throws Exception {
        for (PlatformService service : PlatformService.values()) {
            ExternalProcess listed = buf(service, "--list-services");
            assertThat(listed.exitCode()).as(listed.stderr()).isZero();
            assertThat(listed.stdout()).contains("grpc.health.v1.Health", "cdm.v1.ProjectionAdminService");

            ExternalProcess health = buf(service, "-d", "{}", "grpc.health.v1.Health/Check");
            assertThat(health.stdout()).as(service.serviceName()).contains("SERVING");
        }
    }

    @Test
    void bufCurl_withoutToken_isRefusedByAProtectedService_andGetsItsAnswerWithOne() throws Exception {
        ExternalProcess anonymous = bufWithoutCallToken(PlatformService.ANALYTICS, "-d", "{}",
                "cdm.v1.AnalyticsService/GetProfileCounts");
        assertThat(anonymous.exitCode()).isNotZero();
        assertThat(anonymous.stderr()).containsIgnoringCase("unauthenticated").contains("bearer token");

        ExternalProcess counted = buf(PlatformService.ANALYTICS, "-d", "{}", "cdm.v1.AnalyticsService/GetProfileCounts");
        assertThat(counted.exitCode()).as(counted.stderr()).isZero();
    }

    @Test
    void bufCurl_ingestsARecord_andTheCliReadsItBackAsJson() throws Exception {
        ExternalProcess ingested = buf(PlatformService.INGESTION, "-d", """
                {"key":{"source":"buf","source_record_id":"b-1"},
                 "person":{"first_name":"Anna","last_name":"Schmidt","email":"anna@example.de","country":"DE"}}""",
                "cdm.v1.IngestionService/IngestRecord");
        assertThat(ingested.exitCode()).as(ingested.stderr()).isZero();
        Matcher id = PROFILE_ID.matcher(ingested.stdout());
        assertThat(id.find()).as(ingested.stdout()).isTrue();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            ExternalProcess profile = cli("profile", "get", id.group(1), "--purpose", "support", "--json");
            assertThat(profile.exitCode()).as(profile.stderr()).isZero();
            assertThat(profile.stdout()).contains("\"email\": \"anna@example.de\"");
        });
    }

    @Test
    void cli_reportsStatusAsJson_andRefusesBadInputWithItsExitCodes() throws Exception {
        ExternalProcess status = cli("status", "--json");
        assertThat(status.exitCode()).as(status.stderr()).isZero();
        assertThat(status.stdout()).contains(cdm.mongoUri(), cdm.jdbcUrl(), "\"user\"");

        ExternalProcess invalid = cli("ingest", "--source", "cli", "--id", "x-1", "--email", "nope");
        assertThat(invalid.exitCode()).isEqualTo(5);
        assertThat(invalid.stderr()).contains("person.email");

        ExternalProcess missing = cli("profile", "get", "00000000-0000-0000-0000-000000000000",
                "--purpose", "support");
        assertThat(missing.exitCode()).isEqualTo(4);
    }

    /** buf curl with the admin's bearer token on the call and on the reflection requests it makes first. */
    private ExternalProcess buf(PlatformService service, String... args) throws Exception {
        List<String> withToken = new ArrayList<>(List.of("-H", "Authorization: Bearer " + cdm.accessToken()));
        withToken.addAll(List.of(args));
        return bufWithoutCallToken(service, withToken.toArray(String[]::new));
    }

    /** buf curl with the token on its reflection requests only (it reads the schema), not on the call. */
    private ExternalProcess bufWithoutCallToken(PlatformService service, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(bufExecutable(), "curl", "--protocol", "grpc",
                "--http2-prior-knowledge", "--reflect-header", "Authorization: Bearer " + cdm.accessToken()));
        List<String> rest = new ArrayList<>(List.of(args));
        String method = rest.get(rest.size() - 1).contains("/") ? rest.remove(rest.size() - 1) : "";
        command.addAll(rest);
        command.add("http://127.0.0.1:" + cdm.ports.of(service) + (method.isEmpty() ? "" : "/" + method));
        return ExternalProcess.run(command);
    }

    private ExternalProcess cli(String... args) throws Exception {
        return ExternalProcess.run(cdm.cliCommand(args));
    }

    static String bufExecutable() {
        Path buf = Path.of(System.getProperty("buf.executable", "target/tools/node_modules/.bin/buf"));
        assertThat(Files.isExecutable(buf)).as("buf is installed by this module's build: " + buf).isTrue();
        return buf.toString();
    }
}
