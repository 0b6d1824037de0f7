package dev.cdm.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdm.cli.CliRunner;
import dev.cdm.cli.CliRunner.Result;
import dev.cdm.cli.ExitCodes;
import dev.cdm.cli.FakeGrpcServer;
import dev.cdm.cli.TestStates;
import dev.cdm.cli.platform.PlatformService;
import dev.cdm.proto.v1.ExplainProfileRequest;
import dev.cdm.proto.v1.FieldEvidence;
import dev.cdm.proto.v1.FindProfilesRequest;
import dev.cdm.proto.v1.FindProfilesResponse;
import dev.cdm.proto.v1.GetProfileRequest;
import dev.cdm.proto.v1.LinkDecision;
import dev.cdm.proto.v1.Profile;
import dev.cdm.proto.v1.ProfileExplanation;
import dev.cdm.proto.v1.ProfileServiceGrpc;
import dev.cdm.proto.v1.ReadPurpose;
import dev.cdm.proto.v1.RecordExplanation;
import dev.cdm.proto.v1.SourceRecordKey;
import dev.cdm.proto.v1.SplitProfileRequest;
import dev.cdm.proto.v1.SplitProfileResponse;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileLinkageCommandsTest {

    @TempDir
    Path data;

    private final LinkedProfiles profiles = new LinkedProfiles();
    private FakeGrpcServer server;

    @BeforeEach
    void startFakeProfileService() {
        server = FakeGrpcServer.serving(profiles);
        TestStates.write(data, TestStates.unusedPort(), Map.of(PlatformService.PROFILE, server.port()));
    }

    @AfterEach
    void stopFakeProfileService() throws InterruptedException {
        server.close();
    }

    @Test
    void profileExplain_showsRuleMatchScoreAndEvidencePerRecord_mergedAndKeptApartProfiles() {
        Result result = new CliRunner(data).run("profile", "explain", "p-1");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Profile p-1 (2 records):")
                .containsPattern("crm/1 +founding +- +0.0 +-\n")
                .containsPattern("web/7 +probabilistic +crm/1 +14.3 +given_name=agree\\(\\+4.1\\) "
                        + "birth_date=disagree\\(-2.5\\)\n")
                .contains("Merged profiles: p-2, p-3\n").contains("Kept apart from: none\n");
    }

    @Test
    void profileSplit_sendsTheRecordsAndReason_andPrintsTheNewProfileId() {
        Result result = new CliRunner(data).run("profile", "split", "p-1", "--record", "web/7",
                "--record", "crm/a/b", "--reason", "different birth dates");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("new profile p-9 (2 records moved from p-1)");
        SplitProfileRequest sent = profiles.splits.get(0);
        assertThat(sent.getRecordsList()).containsExactly(key("web", "7"), key("crm", "a/b"));
        assertThat(sent.getReason()).isEqualTo("different birth dates");
    }

    @Test
    void profileSplit_exitsWithUsage_whenARecordIsNotSourceSlashId() {
        Result result = new CliRunner(data).run("profile", "split", "p-1", "--record", "web7", "--reason", "x");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("'web7' is not SOURCE/RECORD_ID");
    }

    @Test
    void profileFind_asksByExternalIdOrSourceRecord() {
        Result byExternalId = new CliRunner(data).run("profile", "find", "--external-id", "soc_sec_id=69=88",
                "--purpose", "support");
        Result byRecord = new CliRunner(data).run("profile", "find", "--record", "crm/1", "--purpose", "compliance");

        assertThat(byExternalId.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(byExternalId.err()).contains("No profile holds external id soc_sec_id=69=88");
        assertThat(profiles.finds.get(0).getExternalId().getType()).isEqualTo("soc_sec_id");
        assertThat(profiles.finds.get(0).getExternalId().getValue()).isEqualTo("69=88");
        assertThat(byRecord.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(profiles.finds.get(1).getSourceRecord()).isEqualTo(key("crm", "1"));
        assertThat(profiles.finds.get(1).getPurpose()).isEqualTo(ReadPurpose.READ_PURPOSE_COMPLIANCE);
    }

    @Test
    void profileGet_saysWhichProfileItWasMergedInto() {
        Result result = new CliRunner(data).run("profile", "get", "p-2", "--purpose", "support");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Merged into p-1: read that profile instead.");
    }

    private static SourceRecordKey key(String source, String recordId) {
        return SourceRecordKey.newBuilder().setSource(source).setSourceRecordId(recordId).build();
    }

    private static final class LinkedProfiles extends ProfileServiceGrpc.ProfileServiceImplBase {
        final List<SplitProfileRequest> splits = new ArrayList<>();
        final List<FindProfilesRequest> finds = new ArrayList<>();

        @Override
        public void explainProfile(ExplainProfileRequest request, StreamObserver<ProfileExplanation> response) {
            response.onNext(ProfileExplanation.newBuilder().setProfileId(request.getProfileId())
                    .addRecords(RecordExplanation.newBuilder().setKey(key("crm", "1"))
                            .setDecision(LinkDecision.newBuilder().setRule("founding")))
                    .addRecords(RecordExplanation.newBuilder().setKey(key("web", "7"))
                            .setDecision(LinkDecision.newBuilder().setRule("probabilistic")
                                    .setMatchedRecord(key("crm", "1")).setScore(14.26)
                                    .addEvidence(evidence("given_name", "agree", 4.1))
                                    .addEvidence(evidence("birth_date", "disagree", -2.5))))
                    .addMergedProfileIds("p-2").addMergedProfileIds("p-3").build());
            response.onCompleted();
        }

        @Override
        public void splitProfile(SplitProfileRequest request, StreamObserver<SplitProfileResponse> response) {
            splits.add(request);
            response.onNext(SplitProfileResponse.newBuilder().setProfileId(request.getProfileId())
                    .setNewProfileId("p-9").build());
            response.onCompleted();
        }

        @Override
        public void findProfiles(FindProfilesRequest request, StreamObserver<FindProfilesResponse> response) {
            finds.add(request);
            response.onNext(FindProfilesResponse.getDefaultInstance());
            response.onCompleted();
        }

        @Override
        public void getProfile(GetProfileRequest request, StreamObserver<Profile> response) {
            response.onNext(Profile.newBuilder().setProfileId(request.getProfileId()).setMergedInto("p-1").build());
            response.onCompleted();
        }

        private static FieldEvidence evidence(String field, String outcome, double weight) {
            return FieldEvidence.newBuilder().setField(field).setOutcome(outcome).setWeight(weight).build();
        }
    }
}
