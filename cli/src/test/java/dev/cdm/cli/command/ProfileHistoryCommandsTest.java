package dev.cdm.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Timestamp;
import dev.cdm.cli.CliRunner;
import dev.cdm.cli.CliRunner.Result;
import dev.cdm.cli.ExitCodes;
import dev.cdm.cli.FakeGrpcServer;
import dev.cdm.cli.TestStates;
import dev.cdm.cli.platform.PlatformService;
import dev.cdm.proto.v1.GetProfileAsOfRequest;
import dev.cdm.proto.v1.GetProfileHistoryRequest;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.Profile;
import dev.cdm.proto.v1.ProfileHistory;
import dev.cdm.proto.v1.ProfileHistoryEntry;
import dev.cdm.proto.v1.ProfileServiceGrpc;
import dev.cdm.proto.v1.ReadPurpose;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileHistoryCommandsTest {

    private static final long CREATED = 1_700_000_000;
    private static final ProfileHistory HISTORY = ProfileHistory.newBuilder().setProfileId("p-1")
            .addEntries(ProfileHistoryEntry.newBuilder().setSequenceNumber(0)
                    .setEventType("cdm.profile.ProfileCreated")
                    .setSummary("profile created by record web/42").setCorrelationId("c-1").setCaller("admin")
                    .setTimestamp(Timestamp.newBuilder().setSeconds(CREATED)))
            .addEntries(ProfileHistoryEntry.newBuilder().setSequenceNumber(1)
                    .setEventType("cdm.profile.SourceRecordChanged").setSummary("record web/42 changed: address")
                    .setCaller("service-account-ingestion-service").setOnBehalfOf("ingest")
                    .addChangedFields("address").setTimestamp(Timestamp.newBuilder().setSeconds(CREATED + 60)))
            .build();

    @TempDir
    Path data;

    private FakeGrpcServer server;
    private GetProfileAsOfRequest lastAsOf;

    @BeforeEach
    void startFakeProfileService() {
        server = FakeGrpcServer.serving(new HistoryService());
        TestStates.write(data, TestStates.unusedPort(), Map.of(PlatformService.PROFILE, server.port()));
    }

    @AfterEach
    void stopFakeProfileService() throws InterruptedException {
        server.close();
    }

    @Test
    void profileHistory_printsOneLinePerEvent_asText() {
        Result result = new CliRunner(data).run("profile", "history", "p-1", "--purpose", "support");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("History of profile p-1 (2 events)")
                .containsPattern("0 +2023-11-14T22:13:20Z +cdm.profile.ProfileCreated"
                        + " +profile created by record web/42 +admin +c-1")
                .containsPattern("1 +2023-11-14T22:14:20Z +cdm.profile.SourceRecordChanged"
                        + " +record web/42 changed: address +service-account-ingestion-service for ingest +-");
    }

    @Test
    void profileHistory_printsSnakeCaseJson_whenJsonIsAsked() throws Exception {
        Result result = new CliRunner(data).run("profile", "history", "p-1", "--purpose", "support", "--json");

        assertThat(result.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.at("/entries/1/event_type").asText()).isEqualTo("cdm.profile.SourceRecordChanged");
        assertThat(json.at("/entries/1/changed_fields/0").asText()).isEqualTo("address");
    }

    @Test
    void profileHistory_exitsNotFound_forAnUnknownProfile() {
        Result result = new CliRunner(data).run("profile", "history", "nope", "--purpose", "support");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    }

    @Test
    void profileAsOf_sendsTheInstant_andPrintsTheProfile() throws Exception {
        Result result = new CliRunner(data).run("profile", "as-of", "p-1", "2023-11-14T22:14:00Z",
                "--purpose", "compliance", "--json");

        assertThat(result.exitCode()).isZero();
        assertThat(lastAsOf.getAsOf().getSeconds()).isEqualTo(CREATED + 40);
        assertThat(lastAsOf.getPurpose()).isEqualTo(ReadPurpose.READ_PURPOSE_COMPLIANCE);
        assertThat(new ObjectMapper().readTree(result.out()).at("/person/address").asText()).isEqualTo("Moscow");
    }

    @Test
    void profileAsOf_isAUsageErrorNamingTime_whenTimeIsNotIso() {
        Result result = new CliRunner(data).run("profile", "as-of", "p-1", "yesterday", "--purpose", "support");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("TIME").contains("yesterday");
    }

    private final class HistoryService extends ProfileServiceGrpc.ProfileServiceImplBase {
        @Override
        public void getProfileHistory(GetProfileHistoryRequest request, StreamObserver<ProfileHistory> response) {
            if (!request.getProfileId().equals("p-1")) {
                response.onError(Status.NOT_FOUND.withDescription("No profile with id nope").asRuntimeException());
                return;
            }
            response.onNext(HISTORY);
            response.onCompleted();
        }

        @Override
        public void getProfileAsOf(GetProfileAsOfRequest request, StreamObserver<Profile> response) {
            lastAsOf = request;
            response.onNext(Profile.newBuilder().setProfileId("p-1").setVersion(0)
                    .setPerson(PersonFields.newBuilder().setAddress("Moscow")).build());
            response.onCompleted();
        }
    }
}
