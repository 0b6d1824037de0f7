package dev.cdm.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cdm.cli.CliRunner;
import dev.cdm.cli.CliRunner.Result;
import dev.cdm.cli.ExitCodes;
import dev.cdm.cli.FakeGrpcServer;
import dev.cdm.cli.TestStates;
import dev.cdm.cli.platform.PlatformService;
import dev.cdm.proto.v1.ListProjectionsRequest;
import dev.cdm.proto.v1.ListProjectionsResponse;
import dev.cdm.proto.v1.ProjectionAdminServiceGrpc;
import dev.cdm.proto.v1.ProjectionStatus;
import dev.cdm.proto.v1.RebuildProgress;
import dev.cdm.proto.v1.ReplayProjectionRequest;
import dev.cdm.proto.v1.ReplayProjectionResponse;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {

    @TempDir
    Path data;

    private final ProfileViewAdmin admin = new ProfileViewAdmin();

    @Test
    void replay_asksTheOwningService_andPrintsDurationAndPosition_evenWhenOtherServicesAreDown() throws Exception {
        try (FakeGrpcServer server = FakeGrpcServer.serving(admin)) {
            TestStates.write(data, TestStates.unusedPort(), Map.of(PlatformService.PROFILE, server.port()));

            Result result = new CliRunner(data).run("replay", "profile-view");

            assertThat(result.exitCode()).isZero();
            assertThat(admin.replayed).containsExactly("profile-view");
            assertThat(result.out()).containsPattern("profile-view +profile-service +1234 ms +77");
        }
    }

    @Test
    void progressLine_saysHowFarTheRebuildIs_itsRate_andWhenItWillBeDone() {
        RebuildProgress progress = RebuildProgress.newBuilder().setSegments(2).setPosition(40_999)
                .setTargetPosition(99_999).setElapsedMillis(2_000).build();

        assertThat(ReplayCommand.progressLine("profile-view", progress))
                .isEqualTo("profile-view: 41,000 of 100,000 events (41%), 20,500 events/s, 2 segments, ETA 3 s");
    }

    @Test
    void replayAll_printsEachReplayAsJson_leavingOutProcessorsThatAct() throws Exception {
        try (FakeGrpcServer server = FakeGrpcServer.serving(admin)) {
            TestStates.write(data, TestStates.unusedPort(), allServicesAt(server.port()));

            Result result = new CliRunner(data).run("replay", "--all", "--json");

            assertThat(result.exitCode()).isZero();
            JsonNode replays = new ObjectMapper().readTree(result.out()).get("replays");
            assertThat(replays).hasSize(1);
            assertThat(admin.replayed).containsExactly("profile-view");
            assertThat(replays.at("/0/status/name").asText()).isEqualTo("profile-view");
            assertThat(replays.at("/0/duration_millis").asText()).isEqualTo("1234");
        }
    }

    @Test
    void replay_exitsNotFound_listingKnownProjections_whenNoServiceOwnsTheName() throws Exception {
        try (FakeGrpcServer server = FakeGrpcServer.serving(admin)) {
            TestStates.write(data, TestStates.unusedPort(), allServicesAt(server.port()));

            Result result = new CliRunner(data).run("replay", "billing-view");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
            assertThat(result.err())
                    .contains("No service owns a projection named 'billing-view'; known: [profile-view, consent-lineage]");
            assertThat(admin.replayed).isEmpty();
        }
    }

    @Test
    void replay_exitsUnavailable_whenTheProjectionMayBelongToAServiceThatIsDown() throws Exception {
        try (FakeGrpcServer server = FakeGrpcServer.serving(admin)) {
            TestStates.write(data, TestStates.unusedPort(), Map.of(PlatformService.PROFILE, server.port()));

            Result result = new CliRunner(data).run("replay", "consent-view");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(result.err()).contains("ingestion-service is unavailable at 127.0.0.1:");
        }
    }

    private static Map<PlatformService, Integer> allServicesAt(int port) {
        Map<PlatformService, Integer> ports = new EnumMap<>(PlatformService.class);
        for (PlatformService service : PlatformService.values()) {
            ports.put(service, port);
        }
        return ports;
    }

    private static final class ProfileViewAdmin extends ProjectionAdminServiceGrpc.ProjectionAdminServiceImplBase {
        final List<String> replayed = new ArrayList<>();

        @Override
        public void listProjections(ListProjectionsRequest request,
                                    StreamObserver<ListProjectionsResponse> response) {
            ProjectionStatus lineage = ProjectionStatus.newBuilder().setName("consent-lineage")
                    .setService("consent-service").setRunning(true).setReplayable(false).build();
            response.onNext(ListProjectionsResponse.newBuilder().addProjections(status()).addProjections(lineage)
                    .build());
            response.onCompleted();
        }

        @Override
        public void replayProjection(ReplayProjectionRequest request,
                                     StreamObserver<ReplayProjectionResponse> response) {
            replayed.add(request.getName());
            response.onNext(ReplayProjectionResponse.newBuilder().setStatus(status()).setDurationMillis(1234).build());
            response.onCompleted();
        }

        private static ProjectionStatus status() {
            return ProjectionStatus.newBuilder().setName("profile-view").setService("profile-service")
                    .setRunning(true).setCaughtUp(true).setPosition(77).setReplayable(true).build();
        }
    }
}
