package dev.cdm.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import dev.cdm.cli.CliRunner;
import dev.cdm.cli.CliRunner.Result;
import dev.cdm.cli.FakeGrpcServer;
import dev.cdm.cli.TestStates;
import dev.cdm.cli.platform.PlatformService;
import dev.cdm.proto.v1.DataSubjectRequest;
import dev.cdm.proto.v1.DataSubjectRequestsGrpc;
import dev.cdm.proto.v1.ErasureCertificate;
import dev.cdm.proto.v1.GetRequestRequest;
import dev.cdm.proto.v1.PurgedStore;
import dev.cdm.proto.v1.RequestErasureRequest;
import dev.cdm.proto.v1.RequestStatus;
import dev.cdm.proto.v1.RequestType;
import dev.cdm.proto.v1.ServiceAcknowledgement;
import dev.cdm.proto.v1.SubjectRef;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
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
        assertThat(DsrEraseCommand.subjectRef("ivan@mail.ru").getIdCase()).isEqualTo(SubjectRef.IdCase.EMAIL);
        assertThat(DsrEraseCommand.subjectRef("+7 (943) 776-70-77").getIdCase()).isEqualTo(SubjectRef.IdCase.PHONE);
        assertThat(DsrEraseCommand.subjectRef("8 943 776 70 77").getIdCase()).isEqualTo(SubjectRef.IdCase.PHONE);
        assertThat(DsrEraseCommand.subjectRef("d17dfb76-d03b-32a1-97f7-651248c3728d").getIdCase())
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

    /** Answers "keys destroyed" on the first poll and "completed" from then on. */
    private static final class FakeRequests extends DataSubjectRequestsGrpc.DataSubjectRequestsImplBase {
        final List<RequestErasureRequest> received = new ArrayList<>();
        final AtomicInteger polls = new AtomicInteger();

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
