package dev.cdm.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.cdm.cli.platform.PlatformService;
import dev.cdm.proto.v1.AnalyticsServiceGrpc;
import dev.cdm.proto.v1.AuditEntry;
import dev.cdm.proto.v1.AwaitProjectionsRequest;
import dev.cdm.proto.v1.CheckPurposeRequest;
import dev.cdm.proto.v1.ConsentServiceGrpc;
import dev.cdm.proto.v1.DataSubjectRequest;
import dev.cdm.proto.v1.DataSubjectRequestsGrpc;
import dev.cdm.proto.v1.GetProfileCountsRequest;
import dev.cdm.proto.v1.GetRequestRequest;
import dev.cdm.proto.v1.IngestRecordRequest;
import dev.cdm.proto.v1.IngestRecordResponse;
import dev.cdm.proto.v1.IngestionServiceGrpc;
import dev.cdm.proto.v1.LegalHold;
import dev.cdm.proto.v1.LiftRestrictionRequest;
import dev.cdm.proto.v1.ListRequestsRequest;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.PlaceLegalHoldRequest;
import dev.cdm.proto.v1.ProjectionAdminServiceGrpc;
import dev.cdm.proto.v1.Purpose;
import dev.cdm.proto.v1.PurposeDecisionReason;
import dev.cdm.proto.v1.Regulation;
import dev.cdm.proto.v1.ReleaseLegalHoldRequest;
import dev.cdm.proto.v1.RequestErasureRequest;
import dev.cdm.proto.v1.RequestExportRequest;
import dev.cdm.proto.v1.RequestRestrictionRequest;
import dev.cdm.proto.v1.RequestStatus;
import dev.cdm.proto.v1.RequestType;
import dev.cdm.proto.v1.SourceRecordKey;
import dev.cdm.proto.v1.SubjectDataExport;
import dev.cdm.proto.v1.SubjectRef;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Restriction (GDPR Art. 18) and export (Art. 15/20) across the real services, with deadlines and trails. */
@ExtendWith(SharedPlatform.class)
class DataSubjectRequestsSystemTest {

    private final RunningPlatform cdm = SharedPlatform.get();
    private final IngestionServiceGrpc.IngestionServiceBlockingStub ingestion =
            IngestionServiceGrpc.newBlockingStub(cdm.channel(PlatformService.INGESTION));
    private final DataSubjectRequestsGrpc.DataSubjectRequestsBlockingStub requests =
            DataSubjectRequestsGrpc.newBlockingStub(cdm.channel(PlatformService.CONSENT));
    private final ConsentServiceGrpc.ConsentServiceBlockingStub consents =
            ConsentServiceGrpc.newBlockingStub(cdm.channel(PlatformService.CONSENT));

    @Test
    void aRestrictedProfile_isRefusedForEveryPurpose_mergesWithNone_isNotCounted_andCannotBeErased() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "jonas.brandt." + tag + "@example.org";
        String phone = "+49 30 " + (1000000 + (int) (Math.random() * 8000000));
        String profileId = ingest("web", "Jonas", "Brandt", email, "").getProfileId();
        String byPhone = ingest("shop", "Jonas", "Brandt", "", phone).getProfileId();
        awaitProjections();
        long counted = countedProfiles();

        DataSubjectRequest restriction = requests.requestRestriction(RequestRestrictionRequest.newBuilder()
                .setSubject(SubjectRef.newBuilder().setEmail(email)).setRequestedBy("officer")
                .setRegulation(Regulation.REGULATION_CCPA).build());

        assertThat(restriction.getType()).isEqualTo(RequestType.REQUEST_TYPE_RESTRICTION);
        assertThat(restriction.getStatus()).isEqualTo(RequestStatus.REQUEST_STATUS_IN_FORCE);
        assertThat(restriction.getProfileId()).isEqualTo(profileId);
        assertThat(Duration.between(instant(restriction.getRequestedAt().getSeconds()),
                instant(restriction.getDueAt().getSeconds()))).isEqualTo(Duration.ofDays(45));
        assertThat(check(profileId).getReason()).isEqualTo(PurposeDecisionReason.PURPOSE_DECISION_REASON_RESTRICTED);
        StatusRuntimeException erasure = catchThrowableOfType(StatusRuntimeException.class, () ->
                requests.requestErasure(RequestErasureRequest.newBuilder().setRequestedBy("officer")
                        .setSubject(SubjectRef.newBuilder().setProfileId(profileId)).build()));
        assertThat(erasure.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(erasure.getStatus().getDescription()).contains(restriction.getRequestId(), "Art. 18");
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> assertThat(requests
                .requestRestriction(RequestRestrictionRequest.newBuilder().setRequestedBy("officer")
                        .setSubject(SubjectRef.newBuilder().setProfileId(profileId)).build()).getRequestId())
                .as("a second restriction returns the one in force").isEqualTo(restriction.getRequestId()));
        awaitProjections();
        assertThat(countedProfiles()).isEqualTo(counted - 1);

        IngestRecordResponse bridge = ingest("crm", "Jonas", "Brandt", email, phone);

        assertThat(bridge.getMergedProfileIdsList()).as("a restricted profile merges with none").isEmpty();
        assertThat(bridge.getProfileId()).isIn(profileId, byPhone);

        DataSubjectRequest lifted = requests.liftRestriction(LiftRestrictionRequest.newBuilder()
                .setSubject(SubjectRef.newBuilder().setProfileId(profileId)).setRequestedBy("dpo").build());

        assertThat(lifted.getStatus()).isEqualTo(RequestStatus.REQUEST_STATUS_LIFTED);
        assertThat(lifted.getTrailList()).extracting(AuditEntry::getStep, AuditEntry::getActor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("requested", "officer"),
                        org.assertj.core.groups.Tuple.tuple("restricted", "consent-service"),
                        org.assertj.core.groups.Tuple.tuple("lifted", "dpo"));
        assertThat(check(profileId).getReason())
                .isEqualTo(PurposeDecisionReason.PURPOSE_DECISION_REASON_NO_DECISION);
        StatusRuntimeException again = catchThrowableOfType(StatusRuntimeException.class, () ->
                requests.liftRestriction(LiftRestrictionRequest.newBuilder().setRequestedBy("dpo")
                        .setSubject(SubjectRef.newBuilder().setProfileId(profileId)).build()));
        assertThat(again.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(requests.listRequests(
                ListRequestsRequest.getDefaultInstance()).getRequestsList())
                .filteredOn(r -> r.getRequestId().equals(restriction.getRequestId()))
                .singleElement().satisfies(r -> {
                    assertThat(r.getStatus()).isEqualTo(RequestStatus.REQUEST_STATUS_LIFTED);
                    assertThat(r.getOverdue()).isFalse();
                }));
    }

    @Test
    void duplicateErasureRequests_racingEachOther_allReturnTheOneRequest() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String profileId = ingest("crm", "Lena", "Kowalska", "lena.kowalska." + tag + "@example.org", "")
                .getProfileId();
        SubjectRef subject = SubjectRef.newBuilder().setProfileId(profileId).build();
        awaitProjections();

        ExecutorService callers = Executors.newFixedThreadPool(6);
        List<Future<DataSubjectRequest>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                replies.add(callers.submit(() -> requests.requestErasure(RequestErasureRequest.newBuilder()
                        .setRequestedBy("officer").setSubject(subject).build())));
            }
            Set<String> ids = new HashSet<>();
            for (Future<DataSubjectRequest> reply : replies) {
                ids.add(reply.get(60, TimeUnit.SECONDS).getRequestId());
            }

            assertThat(ids).hasSize(1);
        } finally {
            callers.shutdownNow();
        }
        String requestId = replies.get(0).get().getRequestId();
        await().atMost(Duration.ofSeconds(60)).until(() -> requests.getRequest(GetRequestRequest.newBuilder()
                .setRequestId(requestId).build()).getStatus() == RequestStatus.REQUEST_STATUS_COMPLETED);
        assertThat(requests.listRequests(ListRequestsRequest.newBuilder().setLimit(1000).build()).getRequestsList())
                .filteredOn(r -> r.getProfileId().equals(profileId)).hasSize(1);
    }

    @Test
    void aLegalHold_keepsTheSubjectFromErasure_untilReleased() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String profileId = ingest("crm", "Ewa", "Nowak", "ewa.nowak." + tag + "@example.org", "").getProfileId();
        SubjectRef subject = SubjectRef.newBuilder().setProfileId(profileId).build();
        awaitProjections(); // requests find their subject in profile-service's read model

        LegalHold hold = requests.placeLegalHold(PlaceLegalHoldRequest.newBuilder().setSubject(subject)
                .setPlacedBy("legal").setReason("case 2026-17").build());
        StatusRuntimeException erasure = catchThrowableOfType(StatusRuntimeException.class, () ->
                requests.requestErasure(RequestErasureRequest.newBuilder().setRequestedBy("officer")
                        .setSubject(subject).build()));
        LegalHold released = requests.releaseLegalHold(ReleaseLegalHoldRequest.newBuilder().setSubject(subject)
                .setReleasedBy("legal").build());
        StatusRuntimeException again = catchThrowableOfType(StatusRuntimeException.class, () ->
                requests.releaseLegalHold(ReleaseLegalHoldRequest.newBuilder().setSubject(subject)
                        .setReleasedBy("legal").build()));

        assertThat(hold.getInForce()).isTrue();
        assertThat(hold.getProfileId()).isEqualTo(profileId);
        assertThat(erasure.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(erasure.getStatus().getDescription()).contains(hold.getHoldId(), "case 2026-17", "legal");
        assertThat(released.getInForce()).isFalse();
        assertThat(released.getHoldId()).isEqualTo(hold.getHoldId());
        assertThat(again.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    }

    @Test
    void anExport_holdsEverythingAboutTheSubject_andTheRequestKeepsOnlyItsHash() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "marta.kowalska." + tag + "@example.org";
        String profileId = ingest("web", "Marta", "Kowalska", email, "").getProfileId();
        ingest("shop", "Marta", "Kowalska", email, "+48 601 234 567");
        // refused for its birth date before it reached the profile: only the phone ties it to Marta
        catchThrowableOfType(StatusRuntimeException.class, () -> ingestion.ingestRecord(IngestRecordRequest
                .newBuilder().setKey(SourceRecordKey.newBuilder().setSource("app").setSourceRecordId("rej-" + tag))
                .setPerson(PersonFields.newBuilder().setFirstName("Marta").setLastName("Kowalska")
                        .setPhone("601 234 567").setBirthDate("31.02.1990").setCountry("PL"))
                .build()));
        awaitProjections();

        SubjectDataExport export = requests.exportSubjectData(RequestExportRequest.newBuilder()
                .setSubject(SubjectRef.newBuilder().setEmail(email)).setRequestedBy("officer").build());

        assertThat(export.getJson()).contains("\"format\" : \"cdm.subject-export.v1\"", profileId, "Kowalska",
                email, "+48601234567", "\"history\"", "\"consents\"", "\"data_subject_requests\"",
                "\"rejected_records\"", "rej-" + tag, "31.02.1990");
        DataSubjectRequest request = export.getRequest();
        assertThat(request.getType()).isEqualTo(RequestType.REQUEST_TYPE_EXPORT);
        assertThat(request.getStatus()).isEqualTo(RequestStatus.REQUEST_STATUS_COMPLETED);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(export.getJson().getBytes(StandardCharsets.UTF_8)));
        assertThat(request.getTrailList()).extracting(AuditEntry::getStep).containsExactly("requested", "exported");
        assertThat(request.getTrail(1).getDetail()).contains(sha256);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(requests.listRequests(
                ListRequestsRequest.getDefaultInstance()).getRequestsList())
                .filteredOn(r -> r.getRequestId().equals(request.getRequestId()))
                .singleElement().satisfies(r -> assertThat(r.toString()).doesNotContain("Kowalska", email)));
    }

    private IngestRecordResponse ingest(String source, String first, String last, String email, String phone) {
        return ingestion.ingestRecord(IngestRecordRequest.newBuilder()
                .setKey(SourceRecordKey.newBuilder().setSource(source).setSourceRecordId(UUID.randomUUID().toString()))
                .setPerson(PersonFields.newBuilder().setFirstName(first).setLastName(last).setEmail(email)
                        .setPhone(phone).setCountry(phone.startsWith("+48") ? "PL" : "DE"))
                .build());
    }

    private dev.cdm.proto.v1.CheckPurposeResponse check(String profileId) {
        return consents.checkPurpose(CheckPurposeRequest.newBuilder().setSubjectId(profileId)
                .setPurpose(Purpose.PURPOSE_ANALYTICS).build());
    }

    private long countedProfiles() {
        return AnalyticsServiceGrpc.newBlockingStub(cdm.channel(PlatformService.ANALYTICS))
                .getProfileCounts(GetProfileCountsRequest.getDefaultInstance()).getTotalProfiles();
    }

    private void awaitProjections() {
        for (PlatformService service : PlatformService.values()) {
            ProjectionAdminServiceGrpc.newBlockingStub(cdm.channel(service))
                    .awaitProjections(AwaitProjectionsRequest.newBuilder().setTimeoutMillis(20_000).build());
        }
    }

    private static Instant instant(long seconds) {
        return Instant.ofEpochSecond(seconds);
    }
}
