package dev.cdm.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import dev.cdm.cli.CliRunner;
import dev.cdm.cli.CliRunner.Result;
import dev.cdm.cli.FakeGrpcServer;
import dev.cdm.cli.TestStates;
import dev.cdm.cli.platform.PlatformService;
import dev.cdm.proto.v1.AuditEntry;
import dev.cdm.proto.v1.DataSubjectRequest;
import dev.cdm.proto.v1.DataSubjectRequestsGrpc;
import dev.cdm.proto.v1.ErasureCertificate;
import dev.cdm.proto.v1.GetRequestRequest;
import dev.cdm.proto.v1.LegalHold;
import dev.cdm.proto.v1.LiftRestrictionRequest;
import dev.cdm.proto.v1.ListRequestsRequest;
import dev.cdm.proto.v1.ListRequestsResponse;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.PlaceLegalHoldRequest;
import dev.cdm.proto.v1.PurgedStore;
import dev.cdm.proto.v1.Regulation;
import dev.cdm.proto.v1.ReleaseLegalHoldRequest;
import dev.cdm.proto.v1.RequestErasureRequest;
import dev.cdm.proto.v1.RequestExportRequest;
import dev.cdm.proto.v1.RequestRectificationRequest;
import dev.cdm.proto.v1.RequestRestrictionRequest;
import dev.cdm.proto.v1.RequestStatus;
import dev.cdm.proto.v1.RequestType;
import dev.cdm.proto.v1.ServiceAcknowledgement;
import dev.cdm.proto.v1.SubjectDataExport;
import dev.cdm.proto.v1.SubjectRef;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DsrCommandsTest {

    private static final Timestamp T0 = Timestamp.newBuilder().setSeconds(1_767_323_045L).build();

    @TempDir
    Path data;

    private final FakeRequests requests = new FakeRequests();

    @Test
    void erase_namesTheSubjectByWhatItLooksLike_email_phone_orProfileId() {
        assertThat(DsrSubjectOptions.subjectRef("ivan@mail.ru").getIdCase()).isEqualTo(SubjectRef.IdCase.EMAIL);
        assertThat(DsrSubjectOptions.subjectRef("+7 (943) 776-70-77").getIdCase()).isEqualTo(SubjectRef.IdCase.PHONE);
        assertThat(DsrSubjectOptions.subjectRef("8 943 776 70 77").getIdCase()).isEqualTo(SubjectRef.IdCase.PHONE);
        assertThat(DsrSubjectOptions.subjectRef("d17dfb76-d03b-32a1-97f7-651248c3728d").getIdCase())
                .isEqualTo(SubjectRef.IdCase.PROFILE_ID);
    }

    @Test
    void eraseWait_returnsWhenEveryServiceAcknowledged_andPrintsTheOutcome() throws Exception {
        try (FakeGrpcServer server = FakeGrpcServer.serving(requests)) {
            TestStates.write(data, TestStates.unusedPort(), Map.of(PlatformService.CONSENT, server.port()));

            Result result = new CliRunner(data).run("dsr", "erase", "--subject", "ivan@mail.ru",
                    "--requested-by", "officer", "--wait");

            assertThat(result.exitCode()).isZero();
            assertThat(requests.received.get(0).getSubject().getEmail()).isEqualTo("ivan@mail.ru");
            assertThat(requests.received.get(0).getRequestedBy()).isEqualTo("officer");
            assertThat(requests.polls.get()).isGreaterThanOrEqualTo(2);
            assertThat(result.out()).contains("Request    dsr-1 (erasure)", "Status     completed",
                    "profile-service at", "cdm-profile.profiles 1");
        }
    }

    @Test
    void certificate_ofACompletedErasure_printsTheEvidenceHash() throws Exception {
        try (FakeGrpcServer server = FakeGrpcServer.serving(requests)) {
            TestStates.write(data, TestStates.unusedPort(), Map.of(PlatformService.CONSENT, server.port()));

            Result text = new CliRunner(data).run("dsr", "certificate", "dsr-1");
            Result json = new CliRunner(data).run("dsr", "certificate", "dsr-1", "--json");

            assertThat(text.exitCode()).isZero();
            assertThat(text.out()).contains("Erasure certificate dsr-1", "Keys destroyed", "k-1, k-2",
                    "Evidence SHA-256 " + "ab".repeat(32));
            assertThat(json.out()).contains("\"evidence_sha256\": \"" + "ab".repeat(32) + "\"");
        }
    }

    @Test
    void status_ofAnUnknownRequest_exitsNotFound() throws Exception {
        try (FakeGrpcServer server = FakeGrpcServer.serving(requests)) {
            TestStates.write(data, TestStates.unusedPort(), Map.of(PlatformService.CONSENT, server.port()));

            Result result = new CliRunner(data).run("dsr", "status", "dsr-unknown");

            assertThat(result.exitCode()).isEqualTo(4);
            assertThat(result.err()).contains("No data-subject request dsr-unknown");
        }
    }

    @Test
    void restrict_sendsRegulation_andPrintsTheTrail() throws Exception {
        try (FakeGrpcServer server = FakeGrpcServer.serving(requests)) {
            TestStates.write(data, TestStates.unusedPort(), Map.of(PlatformService.CONSENT, server.port()));

            Result result = new CliRunner(data).run("dsr", "restrict", "--subject", "p-1", "--regulation", "ccpa",
                    "--requested-by", "officer");

            assertThat(result.exitCode()).isZero();
            assertThat(requests.restrictions.get(0).getRegulation()).isEqualTo(Regulation.REGULATION_CCPA);
            assertThat(requests.restrictions.get(0).getSubject().getProfileId()).isEqualTo("p-1");
            assertThat(result.out()).contains("(restriction)", "Status     in-force", "under CCPA",
                    "restricted by consent-service: processing restricted");
        }
    }

    @Test
    void lift_ofAnUnrestrictedSubject_fails_withTheServicesReason() throws Exception {
        try (FakeGrpcServer server = FakeGrpcServer.serving(requests)) {
            TestStates.write(data, TestStates.unusedPort(), Map.of(PlatformService.CONSENT, server.port()));

            Result result = new CliRunner(data).run("dsr", "lift", "--subject", "p-2");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).contains("No restriction of processing is in force");
        }
    }

    @Test
    void export_writesTheDocumentToAFileOnlyItsOwnerCanRead() throws Exception {
        Path file = data.resolve("export.json");
        try (FakeGrpcServer server = FakeGrpcServer.serving(requests)) {
            TestStates.write(data, TestStates.unusedPort(), Map.of(PlatformService.CONSENT, server.port()));

            Result result = new CliRunner(data).run("dsr", "export", "--subject", "ivan@mail.ru", "--out",
                    file.toString());

            assertThat(result.exitCode()).isZero();
            assertThat(Files.readString(file)).isEqualTo("{\"format\": \"cdm.subject-export.v1\"}");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(result.out()).contains("(export)", "Written    " + file).doesNotContain("format");
        }
    }

    @Test
    void listOverdue_asksForOverdueRequests_andMarksThem() throws Exception {
        try (FakeGrpcServer server = FakeGrpcServer.serving(requests)) {
            TestStates.write(data, TestStates.unusedPort(), Map.of(PlatformService.CONSENT, server.port()));

            Result result = new CliRunner(data).run("dsr", "list", "--overdue");

            assertThat(result.exitCode()).isZero();
            assertThat(requests.lists.get(0).getOverdueOnly()).isTrue();
            assertThat(result.out()).containsPattern("dsr-1 +erasure +gdpr +keys-destroyed +p-1 .* OVERDUE");
        }
    }

    @Test
    void rectify_sendsEachCorrectedField_andRefusesAnUnknownOne() throws Exception {
        try (FakeGrpcServer server = FakeGrpcServer.serving(requests)) {
            TestStates.write(data, TestStates.unusedPort(), Map.of(PlatformService.CONSENT, server.port()));

            Result result = new CliRunner(data).run("dsr", "rectify", "--subject", "p-1", "--set",
                    "email=new@mail.ru", "--set", "last_name=Petrova", "--set", "ext:loyalty=L-7");
            Result unknown = new CliRunner(data).run("dsr", "rectify", "--subject", "p-1", "--set", "shoe=42");

            assertThat(result.exitCode()).isZero();
            PersonFields sent = requests.rectifications.get(0).getCorrections();
            assertThat(sent.getEmail()).isEqualTo("new@mail.ru");
            assertThat(sent.getLastName()).isEqualTo("Petrova");
            assertThat(sent.getExternalIdsMap()).containsEntry("loyalty", "L-7");
            assertThat(result.out()).contains("(rectification)", "Status     completed");
            assertThat(unknown.exitCode()).isEqualTo(2);
            assertThat(unknown.err()).contains("Unknown field 'shoe'");
            assertThat(requests.rectifications).hasSize(1);
        }
    }

    @Test
    void hold_andRelease_printTheHold() throws Exception {
        try (FakeGrpcServer server = FakeGrpcServer.serving(requests)) {
            TestStates.write(data, TestStates.unusedPort(), Map.of(PlatformService.CONSENT, server.port()));

            Result held = new CliRunner(data).run("dsr", "hold", "--subject", "p-1", "--reason", "case 2026-17",
                    "--requested-by", "legal");
            Result released = new CliRunner(data).run("dsr", "release", "--subject", "p-1");

            assertThat(held.exitCode()).isZero();
            assertThat(held.out()).contains("Legal hold hold-1 (in force)", "Reason     case 2026-17", "by legal");
            assertThat(released.out()).contains("(released)", "Released");
        }
    }

    /** Answers "keys destroyed" on the first poll and "completed" from then on. */
    private static final class FakeRequests extends DataSubjectRequestsGrpc.DataSubjectRequestsImplBase {
        final List<RequestErasureRequest> received = new ArrayList<>();
        final AtomicInteger polls = new AtomicInteger();
        final List<RequestRestrictionRequest> restrictions = new ArrayList<>();
        final List<ListRequestsRequest> lists = new ArrayList<>();
        final List<RequestRectificationRequest> rectifications = new ArrayList<>();

        @Override
        public void placeLegalHold(PlaceLegalHoldRequest request, StreamObserver<LegalHold> response) {
            response.onNext(LegalHold.newBuilder().setHoldId("hold-1").setProfileId("p-1")
                    .setReason(request.getReason()).setPlacedBy(request.getPlacedBy()).setPlacedAt(T0)
                    .setInForce(true).build());
            response.onCompleted();
        }

        @Override
        public void releaseLegalHold(ReleaseLegalHoldRequest request, StreamObserver<LegalHold> response) {
            response.onNext(LegalHold.newBuilder().setHoldId("hold-1").setProfileId("p-1").setReason("case")
                    .setPlacedBy("legal").setPlacedAt(T0).setInForce(false).setReleasedBy(request.getReleasedBy())
                    .setReleasedAt(T0).build());
            response.onCompleted();
        }

        @Override
        public void requestRectification(RequestRectificationRequest request,
                                         StreamObserver<DataSubjectRequest> response) {
            rectifications.add(request);
            response.onNext(DataSubjectRequest.newBuilder().setRequestId("dsr-4")
                    .setType(RequestType.REQUEST_TYPE_RECTIFICATION).setStatus(RequestStatus.REQUEST_STATUS_COMPLETED)
                    .setProfileId("p-1").setRequestedAt(T0).setDueAt(T0).build());
            response.onCompleted();
        }

        @Override
        public void requestRestriction(RequestRestrictionRequest request,
                                       StreamObserver<DataSubjectRequest> response) {
            restrictions.add(request);
            response.onNext(DataSubjectRequest.newBuilder().setRequestId("dsr-2")
                    .setType(RequestType.REQUEST_TYPE_RESTRICTION).setStatus(RequestStatus.REQUEST_STATUS_IN_FORCE)
                    .setRegulation(request.getRegulation()).setProfileId("p-1").setRequestedBy("officer")
                    .setRequestedAt(T0).setDueAt(T0).setFulfilledAt(T0)
                    .addTrail(AuditEntry.newBuilder().setAt(T0).setStep("restricted").setActor("consent-service")
                            .setDetail("processing restricted"))
                    .build());
            response.onCompleted();
        }

        @Override
        public void liftRestriction(LiftRestrictionRequest request, StreamObserver<DataSubjectRequest> response) {
            response.onError(Status.FAILED_PRECONDITION
                    .withDescription("No restriction of processing is in force for this subject")
                    .asRuntimeException());
        }

        @Override
        public void exportSubjectData(RequestExportRequest request, StreamObserver<SubjectDataExport> response) {
            response.onNext(SubjectDataExport.newBuilder().setJson("{\"format\": \"cdm.subject-export.v1\"}")
                    .setRequest(DataSubjectRequest.newBuilder().setRequestId("dsr-3")
                            .setType(RequestType.REQUEST_TYPE_EXPORT).setStatus(RequestStatus.REQUEST_STATUS_COMPLETED)
                            .setProfileId("p-1").setRequestedAt(T0).setDueAt(T0))
                    .build());
            response.onCompleted();
        }

        @Override
        public void listRequests(ListRequestsRequest request, StreamObserver<ListRequestsResponse> response) {
            lists.add(request);
            response.onNext(ListRequestsResponse.newBuilder().addRequests(
                    request(RequestStatus.REQUEST_STATUS_KEYS_DESTROYED).toBuilder().setOverdue(true)
                            .setRegulation(Regulation.REGULATION_GDPR)).build());
            response.onCompleted();
        }

        @Override
        public void requestErasure(RequestErasureRequest request, StreamObserver<DataSubjectRequest> response) {
            received.add(request);
            response.onNext(request(RequestStatus.REQUEST_STATUS_KEYS_DESTROYED));
            response.onCompleted();
        }

        @Override
        public void getRequest(GetRequestRequest request, StreamObserver<DataSubjectRequest> response) {
            if (!request.getRequestId().equals("dsr-1")) {
                response.onError(Status.NOT_FOUND.withDescription("No data-subject request "
                        + request.getRequestId()).asRuntimeException());
                return;
            }
            response.onNext(request(polls.incrementAndGet() < 2 ? RequestStatus.REQUEST_STATUS_KEYS_DESTROYED
                    : RequestStatus.REQUEST_STATUS_COMPLETED));
            response.onCompleted();
        }

        @Override
        public void getErasureCertificate(GetRequestRequest request, StreamObserver<ErasureCertificate> response) {
            response.onNext(ErasureCertificate.newBuilder().setRequestId("dsr-1").setRequestedBy("officer")
                    .addProfileIds("p-1").setRecordCount(2).addDestroyedKeyIds("k-1").addDestroyedKeyIds("k-2")
                    .addAcknowledgements(ack()).setRequestedAt(T0).setKeysDestroyedAt(T0).setCompletedAt(T0)
                    .setEvidenceSha256("ab".repeat(32)).build());
            response.onCompleted();
        }

        private static DataSubjectRequest request(RequestStatus status) {
            DataSubjectRequest.Builder request = DataSubjectRequest.newBuilder().setRequestId("dsr-1")
                    .setType(RequestType.REQUEST_TYPE_ERASURE).setStatus(status).setProfileId("p-1")
                    .setRecordCount(2).setRequestedBy("officer").setRequestedAt(T0).setDueAt(T0);
            if (status == RequestStatus.REQUEST_STATUS_COMPLETED) {
                request.addAcknowledgements(ack()).setCompletedAt(T0);
            } else {
                request.addPendingServices("profile-service");
            }
            return request.build();
        }

        private static ServiceAcknowledgement ack() {
            return ServiceAcknowledgement.newBuilder().setService("profile-service").setAcknowledgedAt(T0)
                    .addPurged(PurgedStore.newBuilder().setStore("cdm-profile.profiles").setRemoved(1)).build();
        }
    }
}
