package dev.cdm.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.cdm.cli.platform.PlatformService;
import dev.cdm.proto.v1.AccessAuditEntry;
import dev.cdm.proto.v1.ConsentServiceGrpc;
import dev.cdm.proto.v1.ExportLinksRequest;
import dev.cdm.proto.v1.GetConsentsRequest;
import dev.cdm.proto.v1.IngestRecordRequest;
import dev.cdm.proto.v1.IngestionServiceGrpc;
import dev.cdm.proto.v1.ListAccessAuditRequest;
import dev.cdm.proto.v1.ListAccessAuditResponse;
import dev.cdm.proto.v1.ListRejectsRequest;
import dev.cdm.proto.v1.ProfileServiceGrpc;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reads of personal data outside a profile leave their trace in the subject's audit, across the real processes:
 * ingestion-service has consent-service audit a listing of rejects before it answers, profile-service an export of
 * links, consent-service a read of consents; the subject's trail finds a reject that never reached their profile by
 * the keyed HMAC of its email.
 */
@ExtendWith(SharedPlatform.class)
class RecordReadAuditSystemTest {

    private static final Duration PROCESSING = Duration.ofSeconds(20);

    private final RunningPlatform cdm = SharedPlatform.get();
    private final IngestionServiceGrpc.IngestionServiceBlockingStub ingestion =
            IngestionServiceGrpc.newBlockingStub(cdm.channel(PlatformService.INGESTION));
    private final ConsentServiceGrpc.ConsentServiceBlockingStub consents =
            ConsentServiceGrpc.newBlockingStub(cdm.channel(PlatformService.CONSENT));

    @Test
    void aListingOfRejects_anExportOfLinks_andAReadOfConsents_areInTheSubjectsTrail() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String email = "ines." + unique + "@example.pt";
        String profileId = ingestion.ingestRecord(Records.person("web", "audit-" + unique, "Duarte", email, "PT"))
                .getProfileId();
        IngestRecordRequest badBirthDate = Records.person("shop-" + unique, "s-1", "Duarte", email, "PT");
        badBirthDate = badBirthDate.toBuilder().setPerson(badBirthDate.getPerson().toBuilder()
                .setBirthDate("31.02.1990")).build();
        IngestRecordRequest rejected = badBirthDate;
        assertThat(catchThrowable(() -> ingestion.ingestRecord(rejected))).isNotNull();

        assertThat(ingestion.listRejects(ListRejectsRequest.newBuilder().setSource("shop-" + unique).build())
                .getRejectsList()).hasSize(1);
        ProfileServiceGrpc.newBlockingStub(cdm.channel(PlatformService.PROFILE))
                .exportLinks(ExportLinksRequest.newBuilder().setSource("web").build()).forEachRemaining(link -> { });
        consents.getConsents(GetConsentsRequest.newBuilder().setSubjectId(profileId).build());

        await().atMost(PROCESSING).untilAsserted(() -> assertThat(trail(profileId).getEntriesList())
                .extracting(AccessAuditEntry::getKind).contains("rejects", "links", "consents"));
        ListAccessAuditResponse trail = trail(profileId);
        assertThat(trail.getIncompleteReason()).isEmpty();
        assertThat(trail.getEntriesList()).filteredOn(entry -> entry.getKind().equals("rejects")).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.getCaller()).isEqualTo("admin");
                    assertThat(entry.getVia()).isEqualTo("ingestion-service");
                    assertThat(entry.getFieldsInClearList()).contains("email", "birth_date");
                    assertThat(entry.getRecordsList()).as("the reject never reached the profile").isEmpty();
                });
        assertThat(trail.getEntriesList()).filteredOn(entry -> entry.getKind().equals("links"))
                .allSatisfy(entry -> assertThat(entry.getVia()).isEqualTo("profile-service"));
        assertThat(trail.toString()).doesNotContain(email).doesNotContain("31.02.1990");
    }

    private ListAccessAuditResponse trail(String profileId) {
        return consents.listAccessAudit(ListAccessAuditRequest.newBuilder().setSubjectId(profileId).setLimit(1000)
                .build());
    }
}
