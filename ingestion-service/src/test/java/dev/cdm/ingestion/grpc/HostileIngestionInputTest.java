package dev.cdm.ingestion.grpc;

import static dev.cdm.ingestion.grpc.IngestionRequests.request;
import static dev.cdm.ingestion.grpc.IngestionRequests.uniqueSource;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.equalTo;

import dev.cdm.proto.v1.IngestOutcome;
import dev.cdm.proto.v1.ListRejectsRequest;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.ResubmitRejectsRequest;
import dev.cdm.testing.EmbeddedStoresResource;
import dev.cdm.testing.KeycloakResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile input to ingestion-service: an oversized message inside a stream, MongoDB operator syntax as a source or
 * reject id. The stream is refused, no reject of another source is read or resubmitted, and the service goes on
 * serving other callers.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedStoresResource.class)
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(value = FakeProfileServiceResource.class, restrictToAnnotatedClass = true)
class HostileIngestionInputTest extends IngestionClientBase {

    @Test
    void aStreamWithAnOversizedMessage_isRefused_andOtherCallersAreServed() throws Exception {
        String source = uniqueSource("huge");
        StreamRecorder stream = openStream()
                .send(1, request(source, "h-1", PersonFields.newBuilder().setEmail("h1@example.org")))
                .send(2, request(source, "h-2", PersonFields.newBuilder().setAddress("x".repeat(5 * 1024 * 1024))));

        Status closed = stream.awaitClose();

        assertThat(closed.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(ingestion().ingestRecord(request(source, "h-3", PersonFields.newBuilder()
                .setEmail("h3@example.org"))).getOutcome()).isEqualTo(IngestOutcome.INGEST_OUTCOME_CREATED);
        given().baseUri(url.toString()).get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"$ne\": null}", "{\"$gt\": \"\"}", "$where", ".*"})
    void operatorSyntaxAsASourceOrRejectId_readsAndResubmitsNothing(String hostile) {
        String source = uniqueSource("victim");
        catchThrowable(() -> ingestion().ingestRecord(request(source, "v-1", PersonFields.newBuilder()
                .setEmail("not-an-address"))));

        assertThat(ingestionAs("admin").listRejects(ListRejectsRequest.newBuilder().setSource(hostile).build())
                .getRejectsList()).isEmpty();
        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                () -> ingestion().resubmitRejects(ResubmitRejectsRequest.newBuilder().addRejectIds(hostile).build()));
        assertThat(refused.getStatus().getCode()).isIn(Status.Code.NOT_FOUND, Status.Code.INVALID_ARGUMENT);
        assertThat(ingestionAs("admin").listRejects(ListRejectsRequest.newBuilder().setSource(source).build())
                .getRejects(0).getAttempts()).isEqualTo(1);
    }
}
