package dev.cdm.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import dev.cdm.cli.CliRunner;
import dev.cdm.cli.CliRunner.Result;
import dev.cdm.cli.ExitCodes;
import dev.cdm.cli.FakeGrpcServer;
import dev.cdm.cli.TestStates;
import dev.cdm.cli.platform.PlatformService;
import dev.cdm.proto.v1.GetProfileRequest;
import dev.cdm.proto.v1.IngestRecordRequest;
import dev.cdm.proto.v1.IngestRecordResponse;
import dev.cdm.proto.v1.IngestionServiceGrpc;
import dev.cdm.proto.v1.Profile;
import dev.cdm.proto.v1.ProfileServiceGrpc;
import dev.cdm.proto.v1.ReadPurpose;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceErrorsTest {

    @TempDir
    Path data;

    @Test
    void ingest_exitsWithInvalidArgument_andListsEachFieldViolation_whenServiceRejectsTheRecord() throws Exception {
        try (FakeGrpcServer server = FakeGrpcServer.serving(new RejectingIngestion())) {
            TestStates.write(data, TestStates.unusedPort(), Map.of(PlatformService.INGESTION, server.port()));

            Result result = new CliRunner(data).run("ingest", "--source", "crm", "--id", "1", "--email", "nope");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_ARGUMENT);
            assertThat(result.err()).startsWith("ingestion-service rejected the request as invalid:\n")
                    .contains("\n  person.email: not a valid email address\n")
                    .contains("\n  person.birth_date: must be yyyy-MM-dd\n")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void profileGet_exitsUnavailable_namingServiceAndAddress_whenNothingListens() {
        int port = TestStates.unusedPort();
        TestStates.write(data, TestStates.unusedPort(), Map.of(PlatformService.PROFILE, port));

        Result result = new CliRunner(data).run("profile", "get", "p-1", "--purpose", "support");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(result.err()).contains("profile-service is unavailable at 127.0.0.1:" + port)
                .contains("connection refused")
                .doesNotContain("Exception");
    }

    @Test
    void profileGet_exitsNotFound_whenServiceAnswersNotFound() throws Exception {
        try (FakeGrpcServer server = FakeGrpcServer.serving(new EmptyProfiles())) {
            TestStates.write(data, TestStates.unusedPort(), Map.of(PlatformService.PROFILE, server.port()));

            Result result = new CliRunner(data).run("profile", "get", "p-404", "--purpose", "support");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
            assertThat(result.err()).contains("Not found: no profile p-404");
        }
    }

    @Test
    void profileGet_exitsNotAuthorized_withTheServersExplanation_whenThePurposeMayNotRead() throws Exception {
        try (FakeGrpcServer server = FakeGrpcServer.serving(new MarketingRefusingProfiles())) {
            TestStates.write(data, TestStates.unusedPort(), Map.of(PlatformService.PROFILE, server.port()));

            Result result = new CliRunner(data).run("profile", "get", "p-1", "--purpose", "marketing");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.NOT_AUTHORIZED);
            assertThat(result.err()).contains("profile-service refused the call: profile p-1: "
                            + MarketingRefusingProfiles.EXPLANATION)
                    .doesNotContain("Exception");
            assertThat(result.out()).isEmpty();
        }
    }

    private static final class RejectingIngestion extends IngestionServiceGrpc.IngestionServiceImplBase {
        @Override
        public void ingestRecord(IngestRecordRequest request, StreamObserver<IngestRecordResponse> response) {
            BadRequest badRequest = BadRequest.newBuilder()
                    .addFieldViolations(violation("person.email", "not a valid email address"))
                    .addFieldViolations(violation("person.birth_date", "must be yyyy-MM-dd"))
                    .build();
            com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
                    .setCode(Code.INVALID_ARGUMENT_VALUE)
                    .setMessage("record rejected")
                    .addDetails(Any.pack(badRequest))
                    .build();
            response.onError(StatusProto.toStatusRuntimeException(status));
        }

        private static BadRequest.FieldViolation violation(String field, String description) {
            return BadRequest.FieldViolation.newBuilder().setField(field).setDescription(description).build();
        }
    }

    /** Refuses marketing reads the way profile-service does: PERMISSION_DENIED with an ErrorInfo. */
    private static final class MarketingRefusingProfiles extends ProfileServiceGrpc.ProfileServiceImplBase {
        static final String EXPLANATION = "reading for marketing needs the subject's marketing consent, "
                + "which is not in force";

        @Override
        public void getProfile(GetProfileRequest request, StreamObserver<Profile> response) {
            if (request.getPurpose() != ReadPurpose.READ_PURPOSE_MARKETING) {
                response.onNext(Profile.newBuilder().setProfileId(request.getProfileId()).build());
                response.onCompleted();
                return;
            }
            ErrorInfo refusal = ErrorInfo.newBuilder().setDomain("cdm.dev").setReason("READ_REFUSAL_NO_CONSENT")
                    .putMetadata("purpose", "marketing").putMetadata("profile_id", request.getProfileId())
                    .build();
            response.onError(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                    .setCode(Code.PERMISSION_DENIED_VALUE)
                    .setMessage("profile " + request.getProfileId() + ": " + EXPLANATION)
                    .addDetails(Any.pack(refusal))
                    .build()));
        }
    }

    private static final class EmptyProfiles extends ProfileServiceGrpc.ProfileServiceImplBase {
        @Override
        public void getProfile(GetProfileRequest request, StreamObserver<Profile> response) {
            response.onError(Status.NOT_FOUND.withDescription("no profile " + request.getProfileId())
                    .asRuntimeException());
        }
    }
}
