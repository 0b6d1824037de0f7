package dev.cdm.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Timestamp;
import com.google.rpc.ErrorInfo;
import dev.cdm.cli.platform.PlatformService;
import dev.cdm.proto.v1.AccessAuditEntry;
import dev.cdm.proto.v1.ConsentProof;
import dev.cdm.proto.v1.ConsentServiceGrpc;
import dev.cdm.proto.v1.ConsentStatus;
import dev.cdm.proto.v1.DataSubjectRequestsGrpc;
import dev.cdm.proto.v1.IngestRecordRequest;
import dev.cdm.proto.v1.IngestionServiceGrpc;
import dev.cdm.proto.v1.LiftRestrictionRequest;
import dev.cdm.proto.v1.ListAccessAuditRequest;
import dev.cdm.proto.v1.Profile;
import dev.cdm.proto.v1.ProfileServiceGrpc;
import dev.cdm.proto.v1.Purpose;
import dev.cdm.proto.v1.ReadPurpose;
import dev.cdm.proto.v1.RequestRestrictionRequest;
import dev.cdm.proto.v1.SetConsentRequest;
import dev.cdm.proto.v1.SubjectRef;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Purpose-based reads across the real processes: profile-service asks the real consent-service for every read
 * (with its own client-credential token), which decides by the subject's consents and restriction and keeps the
 * audit trail of every decided read.
 */
@ExtendWith(SharedPlatform.class)
class PurposeReadSystemTest {

    private static final Duration PROCESSING = Duration.ofSeconds(20);

    private final RunningPlatform cdm = SharedPlatform.get();
    private final ProfileServiceGrpc.ProfileServiceBlockingStub profiles =
            ProfileServiceGrpc.newBlockingStub(cdm.channel(PlatformService.PROFILE));
    private final ConsentServiceGrpc.ConsentServiceBlockingStub consents =
            ConsentServiceGrpc.newBlockingStub(cdm.channel(PlatformService.CONSENT));

    @Test
    void marketingNeedsConsent_andARestrictedProfileIsReadOnlyForCompliance() throws Exception {
        IngestRecordRequest record = Records.person("web", "purpose-1", "Lindqvist", "mara.lindqvist@example.se",
                "SE");
        record = record.toBuilder().setPerson(record.getPerson().toBuilder().setPhone("+46 8 123 456 78")).build();
        String profileId = IngestionServiceGrpc.newBlockingStub(cdm.channel(PlatformService.INGESTION))
                .ingestRecord(record).getProfileId();
        await().atMost(PROCESSING).ignoreExceptions().untilAsserted(() ->
                assertThat(profiles.getProfile(ProfileReads.get(profileId)).getPerson().getPhone()).isNotEmpty());

        assertThat(refusal(() -> profiles.getProfile(marketing(profileId)))).isEqualTo("READ_REFUSAL_NO_CONSENT");

        consents.setConsent(SetConsentRequest.newBuilder().setSubjectId(profileId)
                .setPurpose(Purpose.PURPOSE_MARKETING_EMAIL).setStatus(ConsentStatus.CONSENT_STATUS_GRANTED)
                .setProof(ConsentProof.newBuilder().setSource("web-signup").setPolicyVersion("2026-01")
                        .setCapturedAt(Timestamp.newBuilder().setSeconds(1_767_000_000L))).build());
        Profile forMarketing = profiles.getProfile(marketing(profileId));

        assertThat(forMarketing.getPerson().getEmail()).isEqualTo("mara.lindqvist@example.se");
        assertThat(forMarketing.getPerson().getPhone()).isEmpty();

        var requests = DataSubjectRequestsGrpc.newBlockingStub(cdm.channel(PlatformService.CONSENT));
        requests.requestRestriction(RequestRestrictionRequest.newBuilder()
                .setSubject(SubjectRef.newBuilder().setProfileId(profileId)).setRequestedBy("officer").build());
        await().atMost(PROCESSING).untilAsserted(() ->
                assertThat(refusal(() -> profiles.getProfile(ProfileReads.get(profileId))))
                        .isEqualTo("READ_REFUSAL_RESTRICTED"));
        assertThat(refusal(() -> profiles.getProfile(marketing(profileId)))).isEqualTo("READ_REFUSAL_RESTRICTED");
        assertThat(profiles.getProfile(ProfileReads.get(profileId, ReadPurpose.READ_PURPOSE_COMPLIANCE))
                .getPerson().getEmail()).isEqualTo("mara.lindqvist@example.se");

        requests.liftRestriction(LiftRestrictionRequest.newBuilder()
                .setSubject(SubjectRef.newBuilder().setProfileId(profileId)).setRequestedBy("dpo").build());
        await().atMost(PROCESSING).ignoreExceptions().untilAsserted(() ->
                assertThat(profiles.getProfile(ProfileReads.get(profileId)).getProfileId()).isEqualTo(profileId));

        await().atMost(PROCESSING).untilAsserted(() -> assertThat(consents.listAccessAudit(
                ListAccessAuditRequest.newBuilder().setSubjectId(profileId).setLimit(1000).build()).getEntriesList())
                .filteredOn(entry -> entry.getPurpose() == ReadPurpose.READ_PURPOSE_MARKETING)
                .extracting(AccessAuditEntry::getCaller, AccessAuditEntry::getVia, AccessAuditEntry::getAllowed,
                        AccessAuditEntry::getFieldsWithheldList)
                .contains(tuple("admin", "profile-service", false, List.of()),
                        tuple("admin", "profile-service", true, List.of("activity", "phone"))));
    }

    private static dev.cdm.proto.v1.GetProfileRequest marketing(String profileId) {
        return ProfileReads.get(profileId, ReadPurpose.READ_PURPOSE_MARKETING);
    }

    /** The ErrorInfo reason of the PERMISSION_DENIED that {@code call} must fail with. */
    private static String refusal(Runnable call) throws Exception {
        StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class, call::run);
        assertThat(error).as("PERMISSION_DENIED expected").isNotNull();
        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        return StatusProto.fromThrowable(error).getDetailsList().stream().filter(d -> d.is(ErrorInfo.class))
                .findFirst().orElseThrow().unpack(ErrorInfo.class).getReason();
    }
}
