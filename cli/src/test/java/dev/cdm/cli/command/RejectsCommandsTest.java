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
import dev.cdm.proto.v1.FieldIssue;
import dev.cdm.proto.v1.IngestionServiceGrpc;
import dev.cdm.proto.v1.InvalidFieldPolicy;
import dev.cdm.proto.v1.ListRejectsRequest;
import dev.cdm.proto.v1.ListRejectsResponse;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.Reject;
import dev.cdm.proto.v1.ResubmitRejectsRequest;
import dev.cdm.proto.v1.ResubmitRejectsResponse;
import dev.cdm.proto.v1.SourceRecordKey;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectsCommandsTest {

    @TempDir
    Path data;

    private final OneReject ingestion = new OneReject();
    private FakeGrpcServer server;

    @BeforeEach
    void startFakeIngestionService() {
        server = FakeGrpcServer.serving(ingestion);
        TestStates.write(data, TestStates.unusedPort(), Map.of(PlatformService.INGESTION, server.port()));
    }

    @AfterEach
    void stopFakeIngestionService() throws InterruptedException {
        server.close();
    }

    @Test
    void rejects_listsReasonsAndViolations_withoutTheSubmittedValues() {
        Result result = new CliRunner(data).run("rejects", "--source", "crm", "--all", "--limit", "5");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).containsPattern("r-1 +crm/42 +2 invalid fields +email: not an email; "
                + "birth_date: not a date +2023-11-14T22:13:20Z +-");
        assertThat(result.out()).doesNotContain("ada@", "Ada");
        ListRejectsRequest sent = ingestion.listed.get(0);
        assertThat(sent.getSource()).isEqualTo("crm");
        assertThat(sent.getIncludeResolved()).isTrue();
        assertThat(sent.getLimit()).isEqualTo(5);
    }

    @Test
    void rejectsList_includesTheSubmittedFields_inJsonForTheCompliancePipeline() throws Exception {
        Result result = new CliRunner(data).run("rejects", "list", "--json");

        assertThat(result.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.at("/rejects/0/person/email").asText()).isEqualTo("ada@");
        assertThat(json.at("/rejects/0/violations/1/field").asText()).isEqualTo("birth_date");
        assertThat(ingestion.listed.get(0).getIncludeResolved()).isFalse();
    }

    @Test
    void rejectsResubmit_sendsTheIdsAndPolicy_andPrintsTheThreeCounts() {
        Result result = new CliRunner(data).run("rejects", "resubmit", "r-1", "r-2", "--invalid-fields", "drop");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("Resubmitted 2: 1 accepted, 1 still rejected\n");
        ResubmitRejectsRequest sent = ingestion.resubmitted.get(0);
        assertThat(sent.getRejectIdsList()).containsExactly("r-1", "r-2");
        assertThat(sent.getAllOpen()).isFalse();
        assertThat(sent.getInvalidFields()).isEqualTo(InvalidFieldPolicy.INVALID_FIELD_POLICY_DROP_FIELD);
    }

    @Test
    void rejectsResubmit_exitsWithUsage_whenNeitherIdsNorAllAreGiven() {
        Result result = new CliRunner(data).run("rejects", "resubmit");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Specify either reject IDs or --all");
        assertThat(ingestion.resubmitted).isEmpty();
    }

    private static final class OneReject extends IngestionServiceGrpc.IngestionServiceImplBase {
        final List<ListRejectsRequest> listed = new ArrayList<>();
        final List<ResubmitRejectsRequest> resubmitted = new ArrayList<>();

        @Override
        public void listRejects(ListRejectsRequest request, StreamObserver<ListRejectsResponse> response) {
            listed.add(request);
            response.onNext(ListRejectsResponse.newBuilder().addRejects(Reject.newBuilder().setRejectId("r-1")
                    .setKey(SourceRecordKey.newBuilder().setSource("crm").setSourceRecordId("42"))
                    .setPerson(PersonFields.newBuilder().setFirstName("Ada").setEmail("ada@"))
                    .setReason("2 invalid fields")
                    .addViolations(FieldIssue.newBuilder().setField("email").setReason("not an email"))
                    .addViolations(FieldIssue.newBuilder().setField("birth_date").setReason("not a date"))
                    .setRejectedAt(Timestamp.newBuilder().setSeconds(1_700_000_000))).build());
            response.onCompleted();
        }

        @Override
        public void resubmitRejects(ResubmitRejectsRequest request, StreamObserver<ResubmitRejectsResponse> response) {
            resubmitted.add(request);
            response.onNext(ResubmitRejectsResponse.newBuilder().setResubmitted(2).setAccepted(1).setStillRejected(1)
                    .build());
            response.onCompleted();
        }
    }
}
