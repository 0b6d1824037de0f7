package dev.cdm.ingestion.grpc;

import static dev.cdm.ingestion.grpc.IngestionRequests.badRequest;
import static dev.cdm.ingestion.grpc.IngestionRequests.request;
import static dev.cdm.ingestion.grpc.IngestionRequests.violatedFields;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.google.rpc.BadRequest;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import dev.cdm.ingestion.rejected.RejectedRecordRepository;
import dev.cdm.proto.v1.IngestOutcome;
import dev.cdm.proto.v1.IngestRecordRequest;
import dev.cdm.proto.v1.IngestRecordResponse;
import dev.cdm.proto.v1.IngestionServiceGrpc;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.RegisterSourceRecordRequest;
import dev.cdm.testing.EmbeddedStoresResource;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedStoresResource.class)
@QuarkusTestResource(value = FakeProfileServiceResource.class, restrictToAnnotatedClass = true)
class IngestionGrpcServiceTest {

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "cdm.mongodb.database")
    String database;

    FakeProfileService peer;

    private ManagedChannel channel;
    private IngestionServiceGrpc.IngestionServiceBlockingStub ingestion;

    @BeforeEach
    void connect() {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        ingestion = IngestionServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void ingestRecord_registersNormalizedRecordWithPeer_whenValid() {
        IngestRecordResponse response = ingestion.ingestRecord(request(" crm ", "c-1", PersonFields.newBuilder()
                .setEmail(" Ada.Lovelace@Example.COM ").setPhone("030 1234567").setCountry("de")));

        RegisterSourceRecordRequest sent = peer.attempts("crm", "c-1").get(0);
        assertThat(sent.getPerson().getEmail()).isEqualTo("ada.lovelace@example.com");
        assertThat(sent.getPerson().getPhone()).isEqualTo("+49301234567");
        assertThat(sent.getPerson().getCountry()).isEqualTo("DE");
        assertThat(Instant.ofEpochSecond(sent.getReceivedAt().getSeconds(), sent.getReceivedAt().getNanos()))
                .isEqualTo(FixedClock.NOW);
        assertThat(response.getProfileId()).isEqualTo(FakeProfileService.profileId("crm", "c-1"));
        assertThat(response.getOutcome()).isEqualTo(IngestOutcome.INGEST_OUTCOME_CREATED);
    }

    @Test
    void ingestRecord_sendsSameCommandAndReturnsPeerOutcome_whenRepeated() {
        IngestRecordRequest request = request("shop", "s-1", PersonFields.newBuilder().setLastName("Hopper"));

        IngestRecordResponse first = ingestion.ingestRecord(request);
        IngestRecordResponse second = ingestion.ingestRecord(request);

        assertThat(first.getProfileId()).isEqualTo(second.getProfileId());
        assertThat(second.getOutcome()).isEqualTo(IngestOutcome.INGEST_OUTCOME_UNCHANGED);
        List<RegisterSourceRecordRequest> sent = peer.attempts("shop", "s-1");
        assertThat(sent).hasSize(2).allSatisfy(command -> assertThat(command).isEqualTo(sent.get(0)));
    }

    @Test
    void ingestRecord_succeedsAfterGrpcRetries_whenPeerBrieflyUnavailable() {
        IngestRecordResponse response = ingestion.ingestRecord(
                request(FakeProfileService.FLAKY, "f-1", PersonFields.newBuilder().setLastName("Turing")));

        assertThat(response.getOutcome()).isEqualTo(IngestOutcome.INGEST_OUTCOME_CREATED);
        assertThat(peer.attempts(FakeProfileService.FLAKY, "f-1")).hasSize(3);
    }

    @Test
    void ingestRecord_failsWithEveryViolationAndKeepsRecord_whenFieldsInvalid() throws Exception {
        Throwable thrown = catchThrowable(() -> ingestion.ingestRecord(request("web", "w-1", PersonFields.newBuilder()
                .setEmail("not-an-email").setPhone("12").setBirthDate("yesterday").setCountry("XX"))));

        List<String> fields = List.of("person.email", "person.phone", "person.birth_date", "person.country");
        assertThat(violatedFields(thrown)).containsExactlyInAnyOrderElementsOf(fields);
        Document kept = rejected(Filters.eq("_id", "web/w-1"));
        assertThat(kept.getString("rejectedBy")).isEqualTo("VALIDATION");
        assertThat(kept.getList("reasons", Document.class)).extracting(reason -> reason.getString("field"))
                .containsExactlyInAnyOrderElementsOf(fields);
        assertThat(kept.get("person", Document.class).getString("email")).isEqualTo("not-an-email");
        assertThat(kept.getDate("rejectedAt").toInstant()).isEqualTo(FixedClock.NOW);
        assertThat(peer.attempts("web", "w-1")).isEmpty();
    }

    @Test
    void ingestRecord_keepsRecordUnderGeneratedId_whenKeyInvalid() throws Exception {
        Throwable thrown = catchThrowable(() -> ingestion.ingestRecord(
                request("", "k-1", PersonFields.newBuilder().setLastName("Noether"))));

        assertThat(violatedFields(thrown)).containsExactly("key.source");
        Document kept = rejected(Filters.eq("sourceRecordId", "k-1"));
        assertThat(kept.getString("_id")).doesNotContain("/");
        assertThat(kept.get("person", Document.class).getString("last_name")).isEqualTo("Noether");
    }

    @Test
    void ingestRecord_passesPeerRefusalOnAndKeepsRecord_whenProfileServiceRejects() throws Exception {
        Throwable thrown = catchThrowable(() -> ingestion.ingestRecord(
                request(FakeProfileService.REFUSING, "r-1", PersonFields.newBuilder().setEmail("x@example.org"))));

        BadRequest details = badRequest(thrown);
        assertThat(details.getFieldViolations(0).getField()).isEqualTo("person.email");
        assertThat(details.getFieldViolations(0).getDescription()).isEqualTo(FakeProfileService.PEER_VIOLATION);
        Document kept = rejected(Filters.eq("_id", FakeProfileService.REFUSING + "/r-1"));
        assertThat(kept.getString("rejectedBy")).isEqualTo("PROFILE_SERVICE");
    }

    @Test
    void healthAndMetrics_reportReadyAndCounters_afterIngesting() {
        ingestion.ingestRecord(request("metrics", "m-1", PersonFields.newBuilder().setLastName("Curie")));

        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("cdm_ingestion_records_total{outcome=\"created\"}"))
                .body(containsString("cdm_ingestion_rejections_total{rejected_by=\"validation\"}"))
                .body(containsString("cdm_ingestion_peer_failures_total{status=\"unavailable\"}"));
    }

    private Document rejected(Bson filter) {
        Document found = mongo.getDatabase(database).getCollection(RejectedRecordRepository.COLLECTION)
                .find(filter).first();
        assertThat(found).as("rejected_records document").isNotNull();
        return found;
    }
}
