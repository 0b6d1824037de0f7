package dev.cdm.ingestion.grpc;

import static dev.cdm.ingestion.grpc.IngestionRequests.request;
import static dev.cdm.ingestion.grpc.IngestionRequests.uniqueSource;
import static dev.cdm.ingestion.grpc.IngestionRequests.violatedFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cdm.proto.v1.AccessedData;
import dev.cdm.proto.v1.IngestionServiceGrpc;
import dev.cdm.proto.v1.InvalidFieldPolicy;
import dev.cdm.proto.v1.ListRejectsRequest;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.RecordAccessRequest;
import dev.cdm.proto.v1.Reject;
import dev.cdm.proto.v1.ResubmitRejectsRequest;
import dev.cdm.proto.v1.ResubmitRejectsResponse;
import dev.cdm.testing.EmbeddedStoresResource;
import dev.cdm.testing.KeycloakResource;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ListRejects and ResubmitRejects. */
@QuarkusTest
@QuarkusTestResource(EmbeddedStoresResource.class)
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(value = FakeProfileServiceResource.class, restrictToAnnotatedClass = true)
class RejectsReviewTest extends IngestionClientBase {

    private static final PersonFields.Builder BAD_BIRTH_DATE =
            PersonFields.newBuilder().setEmail("ok@example.org").setBirthDate("yesterday");
    private static final PersonFields.Builder NO_GOOD_IDENTIFIER = PersonFields.newBuilder().setEmail("nope");

    FakeProfileService peer;

    FakeAccessAudit audit;

    @Test
    void listRejects_isAuditedBeforeItAnswers_byRecordAndIdentifierKey_forThePersonItActsFor() {
        String source = uniqueSource("audited");
        refuse(source, "a-1", BAD_BIRTH_DATE);
        int before = audit.audited().size();

        List<Reject> rejects = ingestion().listRejects(ListRejectsRequest.newBuilder().setSource(source).build())
                .getRejectsList();

        assertThat(rejects).hasSize(1);
        RecordAccessRequest audited = audit.audited().get(before);
        assertThat(audited.getData()).isEqualTo(AccessedData.ACCESSED_DATA_REJECTS);
        assertThat(audited.getRecordsList()).singleElement().satisfies(record -> {
            assertThat(record.getKey().getSource()).isEqualTo(source);
            assertThat(record.getKey().getSourceRecordId()).isEqualTo("a-1");
            assertThat(record.getIdentifierKeysList()).singleElement().asString().hasSizeGreaterThan(20)
                    .doesNotContain("ok@example.org");
        });
        assertThat(audited.getFieldsList()).contains("email", "birth_date", "phone");
        Metadata headers = audit.headers().all().get(before);
        assertThat(headers.get(Metadata.Key.of("cdm-on-behalf-of", Metadata.ASCII_STRING_MARSHALLER)))
                .isEqualTo("ingest");
        assertThat(headers.get(Metadata.Key.of("cdm-on-behalf-of-roles", Metadata.ASCII_STRING_MARSHALLER)))
                .contains("ingest-writer");
    }

    @Test
    void listRejects_returnsNothing_whileTheAuditCannotBeWritten_andAnEmptyListingNeedsNone() {
        String source = uniqueSource("unaudited");
        refuse(source, "u-1", BAD_BIRTH_DATE);
        int before = audit.audited().size();
        audit.failing(true);
        try {
            StatusRuntimeException thrown = catchThrowableOfType(StatusRuntimeException.class, () -> ingestion()
                    .listRejects(ListRejectsRequest.newBuilder().setSource(source).build()));
            List<Reject> none = ingestion().listRejects(ListRejectsRequest.newBuilder()
                    .setSource(uniqueSource("empty")).build()).getRejectsList();

            assertThat(thrown.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
            assertThat(thrown.getStatus().getDescription()).contains("audit").doesNotContain("ok@example.org");
            assertThat(none).isEmpty();
        } finally {
            audit.failing(false);
        }
        assertThat(audit.audited()).hasSize(before);
    }

    @Test
    void listRejects_returnsOpenRejectsOfSourceNewestFirst_upToLimit() {
        String source = uniqueSource("list");
        for (int i = 1; i <= 3; i++) {
            FixedClock.set(FixedClock.NOW.plusSeconds(i));
            refuse(source, "l-" + i, NO_GOOD_IDENTIFIER);
        }
        refuse(uniqueSource("other"), "o-1", NO_GOOD_IDENTIFIER);

        List<Reject> rejects = ingestion().listRejects(ListRejectsRequest.newBuilder().setSource(source).setLimit(2)
                .build()).getRejectsList();

        assertThat(rejects).extracting(Reject::getRejectId).containsExactly(source + "/l-3", source + "/l-2");
        assertThat(rejects.get(0).getReason()).isEqualTo("1 invalid field");
        assertThat(rejects.get(0).getViolations(0).getField()).isEqualTo("person.email");
    }

    @Test
    void listRejects_failsNamingLimit_whenOutOfRange() throws Exception {
        for (int limit : new int[] {-1, 1001}) {
            Throwable thrown = catchThrowable(() -> ingestion().listRejects(
                    ListRejectsRequest.newBuilder().setLimit(limit).build()));

            assertThat(violatedFields(thrown)).containsExactly("limit");
        }
    }

    @Test
    void resubmitRejects_countsAcceptedAndStillRejected_underRequestedPolicy() {
        String source = uniqueSource("resubmit");
        refuse(source, "r-1", BAD_BIRTH_DATE);
        refuse(source, "r-2", NO_GOOD_IDENTIFIER);

        ResubmitRejectsResponse response = resubmitDropping(ResubmitRejectsRequest.newBuilder()
                .addRejectIds(source + "/r-1").addRejectIds(source + "/r-2"));

        assertThat(response.getResubmitted()).isEqualTo(2);
        assertThat(response.getAccepted()).isEqualTo(1);
        assertThat(response.getStillRejected()).isEqualTo(1);
        assertThat(peer.attempts(source, "r-1")).singleElement()
                .satisfies(sent -> assertThat(sent.getPerson().getBirthDate()).isEqualTo("yesterday"));
        assertThat(open(source)).singleElement().satisfies(reject -> {
            assertThat(reject.getRejectId()).isEqualTo(source + "/r-2");
            assertThat(reject.getAttempts()).isEqualTo(2);
        });
    }

    @Test
    void resubmitRejects_keepsTheSameReject_whenKeyStillInvalid() {
        String id = uniqueSource("record");
        refuse("", id, NO_GOOD_IDENTIFIER);
        String rejectId = open("").stream().filter(r -> r.getKey().getSourceRecordId().equals(id)).findFirst()
                .orElseThrow().getRejectId();

        ResubmitRejectsResponse response = ingestion().resubmitRejects(
                ResubmitRejectsRequest.newBuilder().addRejectIds(rejectId).build());

        assertThat(response.getStillRejected()).isEqualTo(1);
        assertThat(open("")).filteredOn(r -> r.getKey().getSourceRecordId().equals(id)).singleElement()
                .satisfies(reject -> assertThat(reject.getAttempts()).isEqualTo(2));
    }

    @Test
    void resubmitRejects_resolvesEveryOpenReject_whenAllOpenAccepted() {
        String source = uniqueSource("all");
        refuse(source, "a-1", BAD_BIRTH_DATE);
        refuse(source, "a-2", BAD_BIRTH_DATE);

        ResubmitRejectsResponse response = resubmitDropping(ResubmitRejectsRequest.newBuilder().setAllOpen(true));

        assertThat(response.getAccepted()).isGreaterThanOrEqualTo(2);
        assertThat(response.getResubmitted()).isEqualTo(response.getAccepted() + response.getStillRejected());
        assertThat(open(source)).isEmpty();
        assertThat(peer.attempts(source, "a-1")).hasSize(1);
    }

    @Test
    void resubmitRejects_failsNotFoundAndResubmitsNothing_whenAnIdIsUnknown() {
        String source = uniqueSource("unknown");
        refuse(source, "u-1", BAD_BIRTH_DATE);

        StatusRuntimeException thrown = catchThrowableOfType(StatusRuntimeException.class,
                () -> ingestion().resubmitRejects(ResubmitRejectsRequest.newBuilder().addRejectIds(source + "/u-1")
                        .addRejectIds(source + "/never").build()));

        assertThat(thrown.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(open(source)).singleElement().satisfies(r -> assertThat(r.getAttempts()).isEqualTo(1));
    }

    @Test
    void resubmitRejects_failsNamingRejectIds_whenNeitherIdsNorAllOpen() throws Exception {
        Throwable thrown = catchThrowable(
                () -> ingestion().resubmitRejects(ResubmitRejectsRequest.getDefaultInstance()));

        assertThat(violatedFields(thrown)).containsExactly("reject_ids");
    }

    private ResubmitRejectsResponse resubmitDropping(ResubmitRejectsRequest.Builder request) {
        return ingestion().resubmitRejects(
                request.setInvalidFields(InvalidFieldPolicy.INVALID_FIELD_POLICY_DROP_FIELD).build());
    }

    private void refuse(String source, String id, PersonFields.Builder person) {
        assertThat(catchThrowable(() -> ingestion().ingestRecord(request(source, id, person)))).isNotNull();
    }

    private List<Reject> open(String source) {
        return ingestion().listRejects(ListRejectsRequest.newBuilder().setSource(source).setLimit(1000).build())
                .getRejectsList();
    }
}
