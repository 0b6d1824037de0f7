package dev.cdm.ingestion.grpc;

import static dev.cdm.ingestion.grpc.IngestionRequests.badRequest;
import static dev.cdm.ingestion.grpc.IngestionRequests.request;
import static dev.cdm.ingestion.grpc.IngestionRequests.uniqueSource;
import static dev.cdm.ingestion.grpc.IngestionRequests.violatedFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.rpc.BadRequest;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import dev.cdm.ingestion.rejected.RejectedRecordRepository;
import dev.cdm.proto.v1.IngestRecordRequest;
import dev.cdm.proto.v1.IngestionServiceGrpc;
import dev.cdm.proto.v1.ListRejectsRequest;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.Reject;
import dev.cdm.testing.EmbeddedStoresResource;
import dev.cdm.testing.KeycloakResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** How refused records are kept: one reject per record, every violation, the fields as sent, resolved on accept. */
@QuarkusTest
@QuarkusTestResource(EmbeddedStoresResource.class)
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(value = FakeProfileServiceResource.class, restrictToAnnotatedClass = true)
class RejectStoreTest extends IngestionClientBase {

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "cdm.mongodb.database")
    String database;

    FakeProfileService peer;

    @Test
    void ingestRecord_failsWithEveryViolationAndKeepsRecord_whenFieldsInvalid() throws Exception {
        Throwable thrown = catchThrowable(() -> ingestion().ingestRecord(request("web", "w-1", PersonFields.newBuilder()
                .setEmail("not-an-email").setPhone("12").setBirthDate("yesterday").setCountry("XX"))));

        List<String> fields = List.of("person.email", "person.phone", "person.birth_date", "person.country");
        assertThat(violatedFields(thrown)).containsExactlyInAnyOrderElementsOf(fields);
        Document kept = rejected(Filters.eq("_id", "web/w-1"));
        assertThat(kept.getString("rejectedBy")).isEqualTo("VALIDATION");
        assertThat(kept.getString("reason")).isEqualTo("4 invalid fields");
        assertThat(kept.getList("reasons", Document.class)).extracting(reason -> reason.getString("field"))
                .containsExactlyInAnyOrderElementsOf(fields);
        assertThat(kept.get("person", Document.class).getString("email")).isEqualTo("not-an-email");
        assertThat(kept.getDate("rejectedAt").toInstant()).isEqualTo(FixedClock.NOW);
        assertThat(kept.getInteger("attempts")).isEqualTo(1);
        assertThat(peer.attempts("web", "w-1")).isEmpty();
    }

    @Test
    void ingestRecord_keepsRecordUnderGeneratedId_whenKeyInvalid() throws Exception {
        Throwable thrown = catchThrowable(() -> ingestion().ingestRecord(
                request("", "k-1", PersonFields.newBuilder().setLastName("Noether"))));

        assertThat(violatedFields(thrown)).containsExactly("key.source");
        Document kept = rejected(Filters.eq("sourceRecordId", "k-1"));
        assertThat(kept.getString("_id")).doesNotContain("/");
        assertThat(kept.get("person", Document.class).getString("last_name")).isEqualTo("Noether");
    }

    @Test
    void ingestRecord_passesPeerRefusalOnAndKeepsRecord_whenProfileServiceRejects() throws Exception {
        Throwable thrown = catchThrowable(() -> ingestion().ingestRecord(
                request(FakeProfileService.REFUSING, "r-1", PersonFields.newBuilder().setEmail("x@example.org"))));

        BadRequest details = badRequest(thrown);
        assertThat(details.getFieldViolations(0).getField()).isEqualTo("person.email");
        assertThat(details.getFieldViolations(0).getDescription()).isEqualTo(FakeProfileService.PEER_VIOLATION);
        Document kept = rejected(Filters.eq("_id", FakeProfileService.REFUSING + "/r-1"));
        assertThat(kept.getString("rejectedBy")).isEqualTo("PROFILE_SERVICE");
    }

    @Test
    void ingestRecord_updatesOneRejectCountingAttempts_whenRefusedAgain() {
        String source = uniqueSource("again");
        catchThrowable(() -> ingestion().ingestRecord(request(source, "a-1", PersonFields.newBuilder().setEmail("x"))));
        FixedClock.set(FixedClock.NOW.plusSeconds(60));
        catchThrowable(() -> ingestion().ingestRecord(request(source, "a-1", PersonFields.newBuilder().setPhone("1"))));

        List<Reject> rejects = list(source, false);
        assertThat(rejects).singleElement().satisfies(reject -> {
            assertThat(reject.getRejectId()).isEqualTo(source + "/a-1");
            assertThat(reject.getAttempts()).isEqualTo(2);
            assertThat(reject.getPerson().getPhone()).isEqualTo("1");
            assertThat(reject.getViolationsList()).extracting(v -> v.getField()).containsExactly("person.phone");
            assertThat(reject.getRejectedAt().getSeconds()).isEqualTo(FixedClock.NOW.getEpochSecond() + 60);
            assertThat(reject.hasResolvedAt()).isFalse();
        });
    }

    @Test
    void ingestRecord_resolvesOpenReject_whenSameRecordAccepted() {
        String source = uniqueSource("resolve");
        catchThrowable(() -> ingestion().ingestRecord(request(source, "r-1", PersonFields.newBuilder().setEmail("x"))));
        FixedClock.set(Instant.parse("2026-11-24T08:00:00Z"));

        ingestion().ingestRecord(request(source, "r-1", PersonFields.newBuilder().setEmail("x@example.org")));

        assertThat(list(source, false)).isEmpty();
        assertThat(list(source, true)).singleElement()
                .satisfies(reject -> assertThat(reject.getResolvedAt().getSeconds())
                        .isEqualTo(Instant.parse("2026-11-24T08:00:00Z").getEpochSecond()));
    }

    @Test
    void listRejects_returnsFieldsAsSubmitted_includingExternalIdsOfAnyType() {
        String source = uniqueSource("as-sent");
        IngestRecordRequest refused = request(source, "s/1", PersonFields.newBuilder().setLastName(" Lamarr ")
                .putExternalIds("loyalty", "L-1").putExternalIds("$bad.type", "x"));
        catchThrowable(() -> ingestion().ingestRecord(refused));

        Reject reject = list(source, false).get(0);
        assertThat(reject.getPerson()).isEqualTo(refused.getPerson());
        assertThat(reject.getPerson().getExternalIdsMap()).isEqualTo(Map.of("loyalty", "L-1", "$bad.type", "x"));
        assertThat(reject.getKey()).isEqualTo(refused.getKey());
    }

    @Test
    void listRejects_masksPersonalData_forACallerWithoutPiiReader() {
        String source = uniqueSource("masked");
        catchThrowable(() -> ingestion().ingestRecord(request(source, "m-1", PersonFields.newBuilder()
                .setFirstName("Hedy").setEmail("hedy.lamarr@example").setBirthDate("31.02.1914")
                .putExternalIds("loyalty", "L-19140"))));

        Reject reject = ingestion().listRejects(ListRejectsRequest.newBuilder().setSource(source).build())
                .getRejects(0);

        assertThat(reject.getPerson().getFirstName()).isEqualTo("H***");
        assertThat(reject.getPerson().getEmail()).isEqualTo("h***@example");
        assertThat(reject.getPerson().getBirthDate()).isEqualTo("****-**-**");
        assertThat(reject.getPerson().getExternalIdsMap()).containsExactly(Map.entry("loyalty", "***40"));
        assertThat(reject.getKey().getSourceRecordId()).as("keys are not personal data").isEqualTo("m-1");
        assertThat(reject.getViolationsList()).as("the reasons stay readable").isNotEmpty();
        assertThat(list(source, false).get(0).getPerson().getFirstName()).as("in clear for a pii-reader")
                .isEqualTo("Hedy");
    }

    /** Lists as admin, who may read personal data in clear (ingest-writer alone gets it masked). */
    private List<Reject> list(String source, boolean includeResolved) {
        return ingestionAs("admin").listRejects(ListRejectsRequest.newBuilder().setSource(source)
                .setIncludeResolved(includeResolved).build()).getRejectsList();
    }

    private Document rejected(Bson filter) {
        Document found = mongo.getDatabase(database).getCollection(RejectedRecordRepository.COLLECTION)
                .find(filter).first();
        assertThat(found).as("rejected_records document").isNotNull();
        return found;
    }
}
