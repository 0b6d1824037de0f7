package dev.cdm.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.cdm.cli.grpc.ServerTrust;
import dev.cdm.cli.platform.PlatformService;
import dev.cdm.proto.v1.IngestionServiceGrpc;
import dev.cdm.proto.v1.ProfileServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The platform as {@code cdm up --tls} starts it: every service serves TLS only, with the data dir's self-signed
 * certificate, and calls its peers over TLS. Its own platform, since the shared one serves plaintext.
 */
class TlsPlatformSystemTest {

    private static RunningPlatform cdm;

    @BeforeAll
    static void startWithTls() throws Exception {
        cdm = RunningPlatform.start(true);
    }

    @AfterAll
    static void stop() {
        if (cdm != null) {
            cdm.close();
        }
    }

    @Test
    void aRecord_isIngestedAndReadBack_withTlsOnEveryHop() {
        // ingestion → profile (register), profile → consent (read decision): both peer calls over TLS
        String profileId = IngestionServiceGrpc.newBlockingStub(cdm.channel(PlatformService.INGESTION))
                .ingestRecord(Records.person("web", "tls-1", "Volkov", "ivan.volkov587@mail.ru", "RU"))
                .getProfileId();

        var profiles = ProfileServiceGrpc.newBlockingStub(cdm.channel(PlatformService.PROFILE));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(profiles
                .getProfile(ProfileReads.get(profileId)).getPerson().getEmail())
                .isEqualTo("ivan.volkov587@mail.ru"));
    }

    @Test
    void plaintext_isServedOnNoServicePort() throws InterruptedException {
        for (PlatformService service : PlatformService.values()) {
            ManagedChannel plaintext = ServerTrust.plaintext().channel("127.0.0.1", cdm.ports.of(service));
            try {
                StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                        () -> ProfileServiceGrpc.newBlockingStub(plaintext).withDeadlineAfter(10, TimeUnit.SECONDS)
                                .getProfile(ProfileReads.get("00000000-0000-0000-0000-000000000000")));
                assertThat(refused.getStatus().getCode()).as(service.serviceName())
                        .isEqualTo(Status.Code.UNAVAILABLE);
            } finally {
                plaintext.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void theCliTrustsTheLocalCertificateByItself_andBufCurlWithIt() throws Exception {
        ExternalProcess status = ExternalProcess.run(cdm.cliCommand("status"));
        ExternalProcess ingested = ExternalProcess.run(cdm.cliCommand("ingest", "--source", "cli", "--id", "tls-2",
                "--first-name", "Anna", "--last-name", "Schmidt", "--email", "anna@example.de", "--country", "DE"));
        String certificate = cdm.state.tlsCertificate();
        ExternalProcess health = ExternalProcess.run(List.of(ToolsSystemTest.bufExecutable(), "curl", "--protocol",
                "grpc", "--cacert", certificate, "--reflect-header", "Authorization: Bearer " + cdm.accessToken(),
                "-d", "{}", "https://127.0.0.1:" + cdm.ports.of(PlatformService.CONSENT)
                        + "/grpc.health.v1.Health/Check"));

        assertThat(status.exitCode()).as(status.stdout() + status.stderr()).isZero();
        assertThat(status.stdout()).contains("https://127.0.0.1:" + cdm.ports.of(PlatformService.PROFILE),
                "TLS only", certificate);
        assertThat(ingested.exitCode()).as(ingested.stderr()).isZero();
        assertThat(health.exitCode()).as(health.stderr()).isZero();
        assertThat(health.stdout()).contains("SERVING");
    }
}
