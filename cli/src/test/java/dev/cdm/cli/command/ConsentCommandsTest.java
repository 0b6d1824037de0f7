package dev.cdm.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import dev.cdm.cli.CliRunner;
import dev.cdm.cli.CliRunner.Result;
import dev.cdm.cli.FakeGrpcServer;
import dev.cdm.cli.TestStates;
import dev.cdm.cli.platform.PlatformService;
import dev.cdm.proto.v1.CheckPurposeRequest;
import dev.cdm.proto.v1.CheckPurposeResponse;
import dev.cdm.proto.v1.Consent;
import dev.cdm.proto.v1.ConsentServiceGrpc;
import dev.cdm.proto.v1.ConsentStatus;
import dev.cdm.proto.v1.GetConsentsRequest;
import dev.cdm.proto.v1.GetConsentsResponse;
import dev.cdm.proto.v1.LegalBasis;
import dev.cdm.proto.v1.Purpose;
import dev.cdm.proto.v1.PurposeDecisionReason;
import dev.cdm.proto.v1.SaleOptOut;
import dev.cdm.proto.v1.SetConsentRequest;
import dev.cdm.proto.v1.SetConsentResponse;
import dev.cdm.proto.v1.SetSaleOptOutRequest;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsentCommandsTest {

    @TempDir
    Path data;

    private final RecordingConsents consents = new RecordingConsents();

    @Test
    void consentSet_sendsTheKebabNamedEnums_proofAndExpiry_toTheConsentService() throws Exception {
        try (FakeGrpcServer server = FakeGrpcServer.serving(consents)) {
            TestStates.write(data, TestStates.unusedPort(), Map.of(PlatformService.CONSENT, server.port()));

            Result result = new CliRunner(data).run("consent", "set", "--subject", "p-1",
                    "--purpose", "marketing-email", "--status", "granted", "--channel", "email",
                    "--legal-basis", "legitimate-interest", "--proof-source", "web-signup",
                    "--captured-at", "2026-01-02T03:04:05Z", "--expires-at", "2027-01-31T00:00:00Z");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).contains("Consent of p-1: recorded");
            SetConsentRequest sent = consents.received.get(0);
            assertThat(sent.getPurpose()).isEqualTo(Purpose.PURPOSE_MARKETING_EMAIL);
            assertThat(sent.getStatus()).isEqualTo(ConsentStatus.CONSENT_STATUS_GRANTED);
            assertThat(sent.getLegalBasis()).isEqualTo(LegalBasis.LEGAL_BASIS_LEGITIMATE_INTEREST);
            assertThat(sent.getChannel()).isEqualTo("email");
            assertThat(sent.getProof().getSource()).isEqualTo("web-signup");
            assertThat(sent.getProof().getCapturedAt().getSeconds()).isEqualTo(1_767_323_045L);
            assertThat(sent.getExpiresAt().getSeconds()).isEqualTo(1_801_353_600L);
        }
    }

    @Test
    void consentGet_listsEachConsent_withKebabNames() throws Exception {
        try (FakeGrpcServer server = FakeGrpcServer.serving(consents)) {
            TestStates.write(data, TestStates.unusedPort(), Map.of(PlatformService.CONSENT, server.port()));

            Result result = new CliRunner(data).run("consent", "get", "--subject", "p-1");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).containsPattern("marketing-sms +\\(all\\) +withdrawn +consent +- +2026");
        }
    }

    @Test
    void consentGet_sendsAsOf_andShowsSaleOptOutAndSurvivor() throws Exception {
        try (FakeGrpcServer server = FakeGrpcServer.serving(consents)) {
            TestStates.write(data, TestStates.unusedPort(), Map.of(PlatformService.CONSENT, server.port()));

            Result result = new CliRunner(data).run("consent", "get", "--subject", "p-1",
                    "--as-of", "2026-06-30T23:59:59Z");

            assertThat(result.exitCode()).isZero();
            assertThat(consents.asOf.get(0).getSeconds()).isEqualTo(1_782_863_999L);
            assertThat(result.out()).contains("Sale and sharing of p-1 (merged into p-9) as of 2026-06-30T23:59:59Z:"
                    + " opted out since 2026-01-02T03:04:05Z (gpc-signal)");
        }
    }

    @Test
    void consentCheck_printsVerdict_andExitsOneWhenRefused() throws Exception {
        try (FakeGrpcServer server = FakeGrpcServer.serving(consents)) {
            TestStates.write(data, TestStates.unusedPort(), Map.of(PlatformService.CONSENT, server.port()));

            Result refused = new CliRunner(data).run("consent", "check", "--subject", "p-1",
                    "--purpose", "third-party-sharing");
            Result allowed = new CliRunner(data).run("consent", "check", "--subject", "p-1",
                    "--purpose", "analytics", "--channel", "web");

            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.out()).contains("third-party-sharing for p-1: refused (sale-opt-out)");
            assertThat(allowed.exitCode()).isZero();
            assertThat(allowed.out()).contains("analytics for p-1: allowed (granted)");
            assertThat(consents.checked.get(1).getChannel()).isEqualTo("web");
        }
    }

    @Test
    void consentDoNotSell_optsOutOrLifts() throws Exception {
        try (FakeGrpcServer server = FakeGrpcServer.serving(consents)) {
            TestStates.write(data, TestStates.unusedPort(), Map.of(PlatformService.CONSENT, server.port()));

            Result optOut = new CliRunner(data).run("consent", "do-not-sell", "--subject", "p-1",
                    "--source", "gpc-signal");
            Result lift = new CliRunner(data).run("consent", "do-not-sell", "--subject", "p-1",
                    "--source", "web-settings", "--lift");

            assertThat(optOut.out()).contains("Sale and sharing of p-1: opted out");
            assertThat(lift.out()).contains("Sale and sharing of p-1: opt-out lifted");
            assertThat(consents.saleChoices).extracting(SetSaleOptOutRequest::getOptedOut).containsExactly(true, false);
            assertThat(consents.saleChoices.get(1).getSource()).isEqualTo("web-settings");
        }
    }

    private static final class RecordingConsents extends ConsentServiceGrpc.ConsentServiceImplBase {
        final List<SetConsentRequest> received = new ArrayList<>();
        final List<Timestamp> asOf = new ArrayList<>();
        final List<CheckPurposeRequest> checked = new ArrayList<>();
        final List<SetSaleOptOutRequest> saleChoices = new ArrayList<>();

        @Override
        public void checkPurpose(CheckPurposeRequest request, StreamObserver<CheckPurposeResponse> response) {
            checked.add(request);
            boolean sharing = request.getPurpose() == Purpose.PURPOSE_THIRD_PARTY_SHARING;
            response.onNext(CheckPurposeResponse.newBuilder().setAllowed(!sharing)
                    .setReason(sharing ? PurposeDecisionReason.PURPOSE_DECISION_REASON_SALE_OPT_OUT
                            : PurposeDecisionReason.PURPOSE_DECISION_REASON_GRANTED)
                    .setGoverningSubjectId(request.getSubjectId()).build());
            response.onCompleted();
        }

        @Override
        public void setSaleOptOut(SetSaleOptOutRequest request, StreamObserver<SetConsentResponse> response) {
            saleChoices.add(request);
            response.onNext(SetConsentResponse.newBuilder().setSubjectId(request.getSubjectId()).setChanged(true)
                    .setGoverningSubjectId(request.getSubjectId()).build());
            response.onCompleted();
        }

        @Override
        public void setConsent(SetConsentRequest request, StreamObserver<SetConsentResponse> response) {
            received.add(request);
            response.onNext(SetConsentResponse.newBuilder().setSubjectId(request.getSubjectId()).setChanged(true)
                    .build());
            response.onCompleted();
        }

        @Override
        public void getConsents(GetConsentsRequest request, StreamObserver<GetConsentsResponse> response) {
            asOf.add(request.getAsOf());
            response.onNext(GetConsentsResponse.newBuilder().setSubjectId(request.getSubjectId())
                    .setGoverningSubjectId("p-9")
                    .setSaleOptOut(SaleOptOut.newBuilder().setOptedOut(true).setSource("gpc-signal")
                            .setRecordedAt(Timestamp.newBuilder().setSeconds(1_767_323_045L)))
                    .addConsents(Consent.newBuilder().setPurpose(Purpose.PURPOSE_MARKETING_SMS)
                            .setStatus(ConsentStatus.CONSENT_STATUS_WITHDRAWN)
                            .setLegalBasis(LegalBasis.LEGAL_BASIS_CONSENT)
                            .setRecordedAt(Timestamp.newBuilder().setSeconds(1_767_323_045L)))
                    .build());
            response.onCompleted();
        }
    }
}
