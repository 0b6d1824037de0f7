package dev.cdm.ingestion.grpc;

import static dev.cdm.ingestion.grpc.IngestionRequests.dropping;
import static dev.cdm.ingestion.grpc.IngestionRequests.request;
import static dev.cdm.ingestion.grpc.IngestionRequests.violatedFields;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdm.proto.v1.FieldIssue;
import dev.cdm.proto.v1.IngestOutcome;
import dev.cdm.proto.v1.IngestRecordRequest;
import dev.cdm.proto.v1.IngestRecordResponse;
import dev.cdm.proto.v1.IngestionServiceGrpc;
import dev.cdm.proto.v1.InvalidFieldPolicy;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.RegisterSourceRecordRequest;
import dev.cdm.testing.EmbeddedStoresResource;
import dev.cdm.testing.KeycloakResource;
import dev.cdm.testing.TestTokens;
import io.grpc.Metadata;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedStoresResource.class)
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(value = FakeProfileServiceResource.class, restrictToAnnotatedClass = true)
class IngestionGrpcServiceTest extends IngestionClientBase {

    FakeProfileService peer;

    @Test
    void ingestRecord_registersTheRecordAsSent_withANormalizedKey_whenValid() {
        IngestRecordResponse response = ingestion().ingestRecord(request(" crm ", "c-1", PersonFields.newBuilder()
                .setEmail(" Ada.Lovelace@Example.COM ").setPhone("030 1234567").setCountry("de")));

        RegisterSourceRecordRequest sent = peer.attempts("crm", "c-1").get(0);
        assertThat(sent.getKey().getSource()).isEqualTo("crm");
        assertThat(sent.getPerson().getEmail()).as("the original; profile-service keeps it beside the normalized")
                .isEqualTo(" Ada.Lovelace@Example.COM ");
        assertThat(sent.getPerson().getPhone()).isEqualTo("030 1234567");
        assertThat(sent.getPerson().getCountry()).isEqualTo("de");
        assertThat(sent.getInvalidFields()).isEqualTo(InvalidFieldPolicy.INVALID_FIELD_POLICY_REJECT_RECORD);
        assertThat(Instant.ofEpochSecond(sent.getReceivedAt().getSeconds(), sent.getReceivedAt().getNanos()))
                .isEqualTo(FixedClock.NOW);
        assertThat(response.getProfileId()).isEqualTo(FakeProfileService.profileId("crm", "c-1"));
        assertThat(response.getOutcome()).isEqualTo(IngestOutcome.INGEST_OUTCOME_CREATED);
        assertThat(response.getDroppedFieldsList()).isEmpty();
    }

    @Test
    void ingestRecord_callsProfileServiceWithItsOwnToken_namingTheCallerItActsFor() {
        ingestion().ingestRecord(request("crm", "c-token", PersonFields.newBuilder().setLastName("Turing")));

        Metadata sent = peer.headers().last();
        String authorization = sent.get(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER));
        assertThat(authorization).startsWith("Bearer ");
        JsonNode claims = TestTokens.claimsOf(authorization.substring("Bearer ".length()));
        assertThat(claims.path("azp").asText()).as("the client the token was issued to")
                .isEqualTo("ingestion-service");
        assertThat(claims.path("aud").toString()).contains("profile-service");
        assertThat(claims.path("realm_access").path("roles").toString()).contains("ingest-writer");
        assertThat(sent.get(Metadata.Key.of("cdm-on-behalf-of", Metadata.ASCII_STRING_MARSHALLER)))
                .isEqualTo("ingest");
    }

    @Test
    void ingestStream_callsProfileServiceWithItsOwnToken_namingTheCallerItActsFor() throws Exception {
        StreamRecorder stream = openStream()
                .send(1, request("crm", "c-stream-token", PersonFields.newBuilder().setLastName("Turing")));
        stream.halfClose();
        assertThat(stream.awaitClose().getCode()).isEqualTo(io.grpc.Status.Code.OK);

        Metadata sent = peer.headers().last();
        assertThat(sent.get(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER))).startsWith("Bearer ");
        assertThat(sent.get(Metadata.Key.of("cdm-on-behalf-of", Metadata.ASCII_STRING_MARSHALLER)))
                .isEqualTo("ingest");
    }

    @Test
    void ingestRecord_sendsSameCommandAndReturnsPeerOutcome_whenRepeated() {
        IngestRecordRequest request = request("shop", "s-1", PersonFields.newBuilder().setLastName("Hopper"));

        IngestRecordResponse first = ingestion().ingestRecord(request);
        IngestRecordResponse second = ingestion().ingestRecord(request);

        assertThat(first.getProfileId()).isEqualTo(second.getProfileId());
        assertThat(second.getOutcome()).isEqualTo(IngestOutcome.INGEST_OUTCOME_UNCHANGED);
        List<RegisterSourceRecordRequest> sent = peer.attempts("shop", "s-1");
        assertThat(sent).hasSize(2).allSatisfy(command -> assertThat(command).isEqualTo(sent.get(0)));
    }

    @Test
    void ingestRecord_succeedsAfterGrpcRetries_whenPeerBrieflyUnavailable() {
        IngestRecordResponse response = ingestion().ingestRecord(
                request(FakeProfileService.FLAKY, "f-1", PersonFields.newBuilder().setLastName("Turing")));

        assertThat(response.getOutcome()).isEqualTo(IngestOutcome.INGEST_OUTCOME_CREATED);
        assertThat(peer.attempts(FakeProfileService.FLAKY, "f-1")).hasSize(3);
    }

    @Test
    void ingestRecord_acceptsWithoutInvalidFieldsAndNamesThem_whenPolicyDropsThem() {
        IngestRecordResponse response = ingestion().ingestRecord(dropping(request("crm", "d-1", PersonFields
                .newBuilder().setEmail("Grace@Example.org").setBirthDate("yesterday").setCountry("XX"))));

        assertThat(response.getOutcome()).isEqualTo(IngestOutcome.INGEST_OUTCOME_CREATED);
        assertThat(response.getDroppedFieldsList()).extracting(FieldIssue::getField)
                .containsExactly("birth_date", "country");
        assertThat(response.getDroppedFieldsList()).allSatisfy(issue -> assertThat(issue.getReason()).isNotBlank());
        RegisterSourceRecordRequest sent = peer.attempts("crm", "d-1").get(0);
        assertThat(sent.getInvalidFields()).isEqualTo(InvalidFieldPolicy.INVALID_FIELD_POLICY_DROP_FIELD);
        assertThat(sent.getPerson().getEmail()).isEqualTo("Grace@Example.org");
        // the invalid values go on as sent, for profile-service to keep them flagged
        assertThat(sent.getPerson().getBirthDate()).isEqualTo("yesterday");
        assertThat(sent.getPerson().getCountry()).isEqualTo("XX");
    }

    @Test
    void ingestRecord_failsNamingPerson_whenDropPolicyLeavesNoIdentifier() throws Exception {
        Throwable thrown = catchThrowable(() -> ingestion().ingestRecord(dropping(request("crm", "d-2",
                PersonFields.newBuilder().setEmail("not-an-email").setFirstName("Ada")))));

        assertThat(violatedFields(thrown)).containsExactly("person");
        assertThat(peer.attempts("crm", "d-2")).isEmpty();
    }

    @Test
    void ingestRecord_returnsMergedProfiles_whenRecordBridgesProfiles() {
        IngestRecordResponse response = ingestion().ingestRecord(
                request(FakeProfileService.MERGING, "m-1", PersonFields.newBuilder().setLastName("Meitner")));

        assertThat(response.getMergedProfileIdsList()).isEqualTo(FakeProfileService.MERGED);
    }

    @Test
    void healthAndMetrics_reportReadyAndCounters_afterIngesting() {
        ingestion().ingestRecord(request("metrics", "m-1", PersonFields.newBuilder().setLastName("Curie")));

        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("cdm_ingestion_records_total{outcome=\"created\"}"))
                .body(containsString("cdm_ingestion_rejections_total{rejected_by=\"validation\"}"))
                .body(containsString("cdm_ingestion_peer_failures_total{status=\"unavailable\"}"))
                .body(containsString("cdm_ingestion_streams_total{outcome=\"completed\"}"))
                .body(containsString("cdm_ingestion_stream_buffered_records"));
    }
}
