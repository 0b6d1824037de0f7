package dev.cdm.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.google.rpc.BadRequest;
import dev.cdm.cli.platform.PlatformService;
import dev.cdm.proto.v1.AnalyticsServiceGrpc;
import dev.cdm.proto.v1.ConsentStatus;
import dev.cdm.proto.v1.GetConsentsRequest;
import dev.cdm.proto.v1.GetProfileCountsRequest;
import dev.cdm.proto.v1.IngestOutcome;
import dev.cdm.proto.v1.IngestRecordResponse;
import dev.cdm.proto.v1.IngestionServiceGrpc;
import dev.cdm.proto.v1.LegalBasis;
import dev.cdm.proto.v1.ProfileServiceGrpc;
import dev.cdm.proto.v1.Purpose;
import dev.cdm.proto.v1.SetConsentRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The vertical slice through the real processes: ingestion → profile → read models, consent and analytics. */
@ExtendWith(SharedPlatform.class)
class PlatformSystemTest {

    private final RunningPlatform cdm = SharedPlatform.get();
    private final IngestionServiceGrpc.IngestionServiceBlockingStub ingestion =
            IngestionServiceGrpc.newBlockingStub(cdm.channel(PlatformService.INGESTION));
    private final ProfileServiceGrpc.ProfileServiceBlockingStub profiles =
            ProfileServiceGrpc.newBlockingStub(cdm.channel(PlatformService.PROFILE));

    @Test
    void ingestedRecord_isReadBackOverGrpc_byIdAndByEmail() {
        IngestRecordResponse created = ingestion.ingestRecord(
                Records.person("web", "slice-1", "Volkov", "Ivan.Volkov587@Mail.ru", "RU"));
        IngestRecordResponse repeated = ingestion.ingestRecord(
                Records.person("web", "slice-1", "Volkov", "Ivan.Volkov587@Mail.ru", "RU"));

        assertThat(created.getOutcome()).isEqualTo(IngestOutcome.INGEST_OUTCOME_CREATED);
        assertThat(repeated.getOutcome()).isEqualTo(IngestOutcome.INGEST_OUTCOME_UNCHANGED);
        assertThat(repeated.getProfileId()).isEqualTo(created.getProfileId());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(profiles.getProfile(
                ProfileReads.get(created.getProfileId()))
                .getPerson().getEmail()).isEqualTo("ivan.volkov587@mail.ru"));
        assertThat(profiles.findProfiles(ProfileReads.byEmail("IVAN.VOLKOV587@mail.ru"))
                .getProfilesList()).extracting(p -> p.getProfileId()).containsExactly(created.getProfileId());
    }

    @Test
    void invalidRecord_isRefusedWithFieldViolations() throws Exception {
        StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class, () -> ingestion
                .ingestRecord(Records.person("web", "", "Doe", "not-an-email", "ZZ")));

        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        BadRequest details = StatusProto.fromThrowable(error).getDetails(0).unpack(BadRequest.class);
        assertThat(details.getFieldViolationsList()).extracting(BadRequest.FieldViolation::getField)
                .containsExactlyInAnyOrder("key.source_record_id", "person.email", "person.country");
    }

    @Test
    void consentAndAnalytics_answerFromTheirOwnProjections() {
        String profileId = ingestion.ingestRecord(Records.person("shop", "slice-2", "Meyer", "meyer@example.de", "DE"))
                .getProfileId();
        var consents = dev.cdm.proto.v1.ConsentServiceGrpc.newBlockingStub(cdm.channel(PlatformService.CONSENT));
        consents.setConsent(SetConsentRequest.newBuilder().setSubjectId(profileId)
                .setPurpose(Purpose.PURPOSE_ANALYTICS).setStatus(ConsentStatus.CONSENT_STATUS_GRANTED)
                .setLegalBasis(LegalBasis.LEGAL_BASIS_LEGITIMATE_INTEREST).build());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(consents
                .getConsents(GetConsentsRequest.newBuilder().setSubjectId(profileId).build()).getConsentsList())
                .extracting(c -> c.getPurpose()).containsExactly(Purpose.PURPOSE_ANALYTICS));
        var analytics = AnalyticsServiceGrpc.newBlockingStub(cdm.channel(PlatformService.ANALYTICS));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(analytics
                .getProfileCounts(GetProfileCountsRequest.getDefaultInstance()).getBySourceList())
                .anySatisfy(count -> assertThat(count.getKey()).isEqualTo("shop")));
    }
}
