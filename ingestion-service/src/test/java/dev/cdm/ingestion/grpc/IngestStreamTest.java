package dev.cdm.ingestion.grpc;

import static dev.cdm.ingestion.grpc.IngestionRequests.badRequest;
import static dev.cdm.ingestion.grpc.IngestionRequests.dropping;
import static dev.cdm.ingestion.grpc.IngestionRequests.request;
import static dev.cdm.ingestion.grpc.IngestionRequests.uniqueSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cdm.proto.v1.FieldIssue;
import dev.cdm.proto.v1.IngestOutcome;
import dev.cdm.proto.v1.IngestStreamResponse;
import dev.cdm.proto.v1.ListRejectsRequest;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.RegisterSourceRecordRequest;
import dev.cdm.proto.v1.Reject;
import dev.cdm.testing.EmbeddedStoresResource;
import dev.cdm.testing.KeycloakResource;
import io.grpc.Status;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What IngestStream answers: one result per record, in order; rejects inline; how the stream ends. */
@QuarkusTest
@QuarkusTestResource(EmbeddedStoresResource.class)
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(value = FakeProfileServiceResource.class, restrictToAnnotatedClass = true)
@TestProfile(StreamSettings.class)
class IngestStreamTest extends IngestionClientBase {

    FakeProfileService peer;

    @Test
    void ingestStream_answersEveryRecordInRequestOrder_withRejectsAsResults() throws Exception {
        String source = uniqueSource("stream");
        StreamRecorder stream = openStream()
                .send(10, request(source, "a", lastName("Lovelace")))
                .send(11, request(source, "b", email("not-an-email")))
                .send(12, request(FakeProfileService.REFUSING, source + "-c", email("c@example.org")))
                .send(13, request(source, "a", lastName("Lovelace")))
                .send(14, dropping(request(source, "d", email("d@example.org").setBirthDate("yesterday"))))
                .send(15, request("", source + "-e", lastName("Noether")));
        stream.halfClose();

        assertThat(stream.awaitClose().getCode()).isEqualTo(Status.Code.OK);
        assertThat(stream.sequences()).containsExactly(10L, 11L, 12L, 13L, 14L, 15L);
        List<IngestStreamResponse> results = stream.results();
        assertThat(results.get(0).getAccepted().getOutcome()).isEqualTo(IngestOutcome.INGEST_OUTCOME_CREATED);
        assertThat(results.get(1).getRejected().getRejectId()).isEqualTo(source + "/b");
        assertThat(results.get(1).getRejected().getViolations(0).getField()).isEqualTo("person.email");
        assertThat(results.get(2).getRejected().getViolations(0).getReason())
                .isEqualTo(FakeProfileService.PEER_VIOLATION);
        assertThat(results.get(3).getAccepted().getOutcome()).isEqualTo(IngestOutcome.INGEST_OUTCOME_UNCHANGED);
        assertThat(results.get(4).getAccepted().getDroppedFieldsList()).extracting(FieldIssue::getField)
                .containsExactly("birth_date");
        assertThat(results.get(5).getRejected().getRejectId()).doesNotContain("/");
        assertThat(openRejects(source)).extracting(Reject::getRejectId).containsExactly(source + "/b");
        assertThat(openRejects(FakeProfileService.REFUSING)).extracting(Reject::getRejectId)
                .contains(FakeProfileService.REFUSING + "/" + source + "-c");
        assertThat(peer.batches(source)).allSatisfy(batch ->
                assertThat(batch.getRecordsCount()).isLessThanOrEqualTo(StreamSettings.BATCH_SIZE));
        assertThat(peer.batches(source).stream().flatMap(batch -> batch.getRecordsList().stream())
                .filter(record -> record.getKey().getSource().equals(source))
                .map(RegisterSourceRecordRequest::getKey).map(key -> key.getSourceRecordId()))
                // up to 4 batches are in flight at once (never two sharing a key): "d" may reach the peer first
                .containsExactlyInAnyOrder("a", "a", "d");
    }

    @Test
    void ingestStream_resolvesRejectsInStreamOrder_whenRecordRepeats() throws Exception {
        String source = uniqueSource("order");
        StreamRecorder stream = openStream()
                .send(1, request(source, "k1", email("bad")))
                .send(2, request(source, "k1", email("k1@example.org")))
                .send(3, request(source, "k2", email("k2@example.org")))
                .send(4, request(source, "k2", email("bad")));
        stream.halfClose();

        assertThat(stream.awaitClose().getCode()).isEqualTo(Status.Code.OK);
        assertThat(openRejects(source)).extracting(Reject::getRejectId).containsExactly(source + "/k2");
    }

    @Test
    void ingestStream_failsInvalidArgumentAfterEarlierResults_whenMessageHasNoRecord() throws Exception {
        String source = uniqueSource("malformed");
        StreamRecorder stream = openStream().send(1, request(source, "m-1", lastName("Hopper"))).sendWithoutRecord(2);

        assertThat(stream.awaitClose().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(stream.sequences()).containsExactly(1L);
        assertThat(badRequest(stream.failure()).getFieldViolations(0).getField()).isEqualTo("record");
    }

    @Test
    void ingestStream_failsUnavailableAfterDeliveringKnownResults_whenProfileServiceDown() throws Exception {
        String source = uniqueSource("outage");
        StreamRecorder stream = openStream().send(1, request(source, "u-1", lastName("Hamilton")));
        await().atMost(Duration.ofSeconds(10)).until(() -> stream.results().size() == 1);

        stream.send(2, request(source, "u-2", email("bad")))
                .send(3, request(FakeProfileService.OUTAGE, source + "-u-3", lastName("Johnson")))
                .send(4, request(source, "u-4", lastName("Vaughan")));

        Status status = stream.awaitClose();
        assertThat(status.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(status.getDescription()).contains("profile-service at").contains("resending them is safe");
        assertThat(stream.sequences()).containsExactly(1L, 2L);
        assertThat(stream.results().get(0).hasAccepted()).isTrue();
        assertThat(stream.results().get(1).hasRejected()).isTrue();
        assertThat(openRejects(source)).extracting(Reject::getRejectId).containsExactly(source + "/u-2");
    }

    @Test
    void ingestStream_completesWithoutResults_whenClientSendsNothing() throws Exception {
        StreamRecorder stream = openStream();
        stream.halfClose();

        assertThat(stream.awaitClose().getCode()).isEqualTo(Status.Code.OK);
        assertThat(stream.results()).isEmpty();
    }

    private List<Reject> openRejects(String source) {
        return ingestion().listRejects(ListRejectsRequest.newBuilder().setSource(source).setLimit(1000).build())
                .getRejectsList();
    }

    private static PersonFields.Builder lastName(String lastName) {
        return PersonFields.newBuilder().setLastName(lastName);
    }

    private static PersonFields.Builder email(String email) {
        return PersonFields.newBuilder().setEmail(email);
    }
}
