package dev.cdm.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.cdm.cli.platform.PlatformService;
import dev.cdm.proto.v1.IngestOutcome;
import dev.cdm.proto.v1.IngestionServiceGrpc;
import dev.cdm.proto.v1.ListProjectionsRequest;
import dev.cdm.proto.v1.ProjectionAdminServiceGrpc;
import dev.cdm.proto.v1.ProjectionStatus;
import dev.cdm.proto.v1.ReplayProjectionRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A crashed service catches up from the event store; every projection can be dropped and rebuilt identically. */
@ExtendWith(SharedPlatform.class)
class RecoverySystemTest {

    private final RunningPlatform cdm = SharedPlatform.get();
    private final IngestionServiceGrpc.IngestionServiceBlockingStub ingestion =
            IngestionServiceGrpc.newBlockingStub(cdm.channel(PlatformService.INGESTION));
    private ReadSide readSide;

    @BeforeEach
    void open() throws Exception {
        readSide = new ReadSide(cdm);
    }

    @AfterEach
    void close() throws Exception {
        readSide.close();
    }

    @Test
    void profileServiceCrash_losesNoEvent_andAppliesNoneTwice() throws Exception {
        for (int i = 0; i < 150; i++) {
            ingestion.ingestRecord(Records.person("crash", "c-" + i, "Crash" + i, "crash" + i + "@example.org", "FR"));
            if (i % 3 == 0) {
                ingestion.ingestRecord(Records.person("crash", "c-" + i, "Moved" + i, "crash" + i + "@example.org",
                        "BE"));
            }
        }
        cdm.platform.killService("profile-service");

        long eventsBefore = readSide.eventCount();
        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, () -> ingestion
                .withDeadlineAfter(30, TimeUnit.SECONDS)
                .ingestRecord(Records.person("crash", "while-down", "Down", "down@example.org", "FR")));
        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(refused.getStatus().getDescription()).contains("profile-service");
        assertThat(readSide.eventCount()).isEqualTo(eventsBefore);

        cdm.platform.restartService("profile-service");
        assertThat(ingestion.ingestRecord(Records.person("crash", "while-down", "Down", "down@example.org", "FR"))
                .getOutcome()).isEqualTo(IngestOutcome.INGEST_OUTCOME_CREATED);

        Map<String, Long> versions = readSide.profileVersionsInEventStore();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (Map.Entry<String, Long> expected : versions.entrySet()) {
                String id = expected.getKey();
                Document profile = readSide.profileDocument(id);
                assertThat(profile).as("profile %s (events at %s)", id, readSide.globalIndexesOf(id)).isNotNull();
                assertThat(profile.getLong("version")).as(id).isEqualTo(expected.getValue());
            }
            assertThat(readSide.profileCount()).isEqualTo(versions.size());
        });
    }

    @Test
    void replay_rebuildsEveryProjection_identicalToTheLiveReadModel() throws Exception {
        ingestion.ingestRecord(Records.person("replay", "r-1", "Replay", "replay@example.org", "IT"));
        replayAndCompare(PlatformService.PROFILE, "profile-view", "cdm-profile");
        replayAndCompare(PlatformService.CONSENT, "consent-view", "cdm-consent");
        replayAndCompare(PlatformService.ANALYTICS, "analytics-profile-counts", "cdm-analytics");
    }

    private void replayAndCompare(PlatformService service, String projection, String database) throws Exception {
        var admin = ProjectionAdminServiceGrpc.newBlockingStub(cdm.channel(service));
        long head = readSide.head();
        // the dump holds the whole database: every projection writing to it must have caught up, not only this one
        await().atMost(Duration.ofSeconds(60)).until(() -> lowestPosition(admin) >= head);
        Map<String, List<Document>> live = readSide.dump(database);

        ProjectionStatus status = admin.withDeadlineAfter(5, TimeUnit.MINUTES)
                .replayProjection(ReplayProjectionRequest.newBuilder().setName(projection).build()).getStatus();

        assertThat(status.getCaughtUp()).isTrue();
        Map<String, List<Document>> rebuilt = readSide.dump(database);
        assertThat(rebuilt.keySet()).as(projection).isEqualTo(live.keySet());
        // per collection, so that a difference names the documents, not the whole database
        live.forEach((collection, documents) -> assertThat(rebuilt.get(collection))
                .as("%s: %s", projection, collection).containsExactlyElementsOf(documents));
    }

    private static long lowestPosition(ProjectionAdminServiceGrpc.ProjectionAdminServiceBlockingStub admin) {
        return admin.listProjections(ListProjectionsRequest.getDefaultInstance()).getProjectionsList().stream()
                .mapToLong(ProjectionStatus::getPosition)
                .min().orElse(-1);
    }
}
