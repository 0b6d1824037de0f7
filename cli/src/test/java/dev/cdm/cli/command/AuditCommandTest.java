package dev.cdm.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import dev.cdm.cli.CliRunner;
import dev.cdm.cli.CliRunner.Result;
import dev.cdm.cli.FakeGrpcServer;
import dev.cdm.cli.TestStates;
import dev.cdm.cli.platform.PlatformService;
import dev.cdm.proto.v1.AccessAuditEntry;
import dev.cdm.proto.v1.ConsentServiceGrpc;
import dev.cdm.proto.v1.ListAccessAuditRequest;
import dev.cdm.proto.v1.ListAccessAuditResponse;
import dev.cdm.proto.v1.ReadPurpose;
import dev.cdm.proto.v1.ReadRefusal;
import dev.cdm.proto.v1.SourceRecordKey;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {

    @TempDir
    Path data;

    private final AuditTrail trail = new AuditTrail();

    @Test
    void audit_listsWhoReadTheSubject_why_andWhichFields() throws Exception {
        try (FakeGrpcServer server = FakeGrpcServer.serving(trail)) {
            TestStates.write(data, TestStates.unusedPort(), Map.of(PlatformService.CONSENT, server.port()));

            Result result = new CliRunner(data).run("audit", "--subject", "p-1", "--limit", "20");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(trail.received).singleElement().satisfies(request -> {
                assertThat(request.getSubjectId()).isEqualTo("p-1");
                assertThat(request.getLimit()).isEqualTo(20);
            });
            assertThat(result.out()).contains("AT", "WHO", "PURPOSE", "DECISION", "FIELDS")
                    .contains("analyst", "profile-service", "support", "allowed", "masked email,phone")
                    .contains("support", "marketing", "refused: no-consent")
                    .contains("export", "officer", "compliance", "clear email");
        }
    }

    @Test
    void audit_namesTheSubjectsRejectedRecordsRead_andWarnsWhenTheTrailIsIncomplete() throws Exception {
        try (FakeGrpcServer server = FakeGrpcServer.serving(trail)) {
            TestStates.write(data, TestStates.unusedPort(), Map.of(PlatformService.CONSENT, server.port()));

            Result result = new CliRunner(data).run("audit", "--subject", "p-rejects");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).contains("rejects shop/r-1", "ingest", "ingestion-service", "masked email")
                    .contains("consents", "clear consents");
            assertThat(result.err()).contains("Warning: the trail is incomplete: profile-service is down");
        }
    }

    @Test
    void audit_ofASubjectNobodyRead_saysSo() throws Exception {
        try (FakeGrpcServer server = FakeGrpcServer.serving(trail)) {
            TestStates.write(data, TestStates.unusedPort(), Map.of(PlatformService.CONSENT, server.port()));

            Result result = new CliRunner(data).run("audit", "--subject", "p-unread");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).contains("Nobody has read or exported the data of p-unread");
        }
    }

    @Test
    void audit_forACallerWithoutComplianceOfficer_isRefusedWithTheServersReason() throws Exception {
        try (FakeGrpcServer server = FakeGrpcServer.serving(trail)) {
            TestStates.write(data, TestStates.unusedPort(), Map.of(PlatformService.CONSENT, server.port()));

            Result result = new CliRunner(data).run("audit", "--subject", "p-denied");

            assertThat(result.exitCode()).isEqualTo(6);
            assertThat(result.err()).contains("requires the role compliance-officer");
        }
    }

    private static final class AuditTrail extends ConsentServiceGrpc.ConsentServiceImplBase {
        final List<ListAccessAuditRequest> received = new ArrayList<>();

        @Override
        public void listAccessAudit(ListAccessAuditRequest request,
                                    StreamObserver<ListAccessAuditResponse> response) {
            received.add(request);
            if (request.getSubjectId().equals("p-denied")) {
                response.onError(Status.PERMISSION_DENIED.withDescription(
                        "cdm.v1.ConsentService/ListAccessAudit requires the role compliance-officer")
                        .asRuntimeException());
                return;
            }
            ListAccessAuditResponse.Builder answer = ListAccessAuditResponse.newBuilder();
            if (request.getSubjectId().equals("p-1")) {
                answer.addEntries(entry("read", "analyst", "profile-service", ReadPurpose.READ_PURPOSE_SUPPORT)
                        .setAllowed(true).addFieldsMasked("email").addFieldsMasked("phone"));
                answer.addEntries(entry("read", "support", "profile-service", ReadPurpose.READ_PURPOSE_MARKETING)
                        .setRefusal(ReadRefusal.READ_REFUSAL_NO_CONSENT));
                answer.addEntries(entry("export", "officer", "", ReadPurpose.READ_PURPOSE_COMPLIANCE)
                        .setAllowed(true).addFieldsInClear("email"));
            }
            if (request.getSubjectId().equals("p-rejects")) {
                answer.addEntries(entry("rejects", "ingest", "ingestion-service", ReadPurpose.READ_PURPOSE_UNSPECIFIED)
                        .setAllowed(true).addFieldsMasked("email").addRecords(SourceRecordKey.newBuilder()
                                .setSource("shop").setSourceRecordId("r-1")));
                answer.addEntries(entry("consents", "officer", "cdm-cli", ReadPurpose.READ_PURPOSE_UNSPECIFIED)
                        .setAllowed(true).addFieldsInClear("consents"));
                answer.setIncompleteReason("profile-service is down");
            }
            response.onNext(answer.build());
            response.onCompleted();
        }

        private static AccessAuditEntry.Builder entry(String kind, String caller, String via, ReadPurpose purpose) {
            return AccessAuditEntry.newBuilder().setAt(Timestamp.newBuilder().setSeconds(1_767_000_000L))
                    .setKind(kind).setSubjectId("p-1").setCaller(caller).setVia(via).setPurpose(purpose);
        }
    }
}
