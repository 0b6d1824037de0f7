package dev.cdm.consent.grpc;

import static dev.cdm.consent.grpc.ConsentRequests.get;
import static dev.cdm.consent.grpc.ConsentRequests.grant;
import static dev.cdm.consent.grpc.ConsentRequests.withdraw;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import dev.cdm.proto.v1.Consent;
import dev.cdm.proto.v1.ConsentServiceGrpc;
import dev.cdm.proto.v1.ConsentStatus;
import dev.cdm.proto.v1.ProjectionAdminServiceGrpc;
import dev.cdm.proto.v1.ReplayProjectionRequest;
import dev.cdm.proto.v1.ReplayProjectionResponse;
import dev.cdm.testing.EmbeddedStoresResource;
import dev.cdm.testing.KeycloakResource;
import io.grpc.ManagedChannel;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What operators rely on: rebuilding the consent-view projection (a stray document, derived from no event, proves
 * that the collection is dropped and rebuilt), and the readiness probe.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedStoresResource.class)
@QuarkusTestResource(KeycloakResource.class)
class ConsentProjectionOperationsTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TestHTTPResource("/")
    URL server;

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "cdm.mongodb.database")
    String database;

    private ManagedChannel channel;

    @BeforeEach
    void connect() {
        channel = ConsentRequests.channelTo(server);
    }

    @AfterEach
    void disconnect() {
        channel.shutdownNow();
    }

    @Test
    void replayProjection_rebuildsIdenticalCollection_whenDecisionsRecorded() {
        var consents = ConsentServiceGrpc.newBlockingStub(channel).withCallCredentials(ConsentRequests.as("admin")).withDeadlineAfter(DEADLINE);
        String subject = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        consents.setConsent(grant(other));
        consents.setConsent(grant(subject));
        consents.setConsent(withdraw(subject));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                consents.getConsents(get(subject)).getConsentsList())
                .extracting(Consent::getStatus).containsExactly(ConsentStatus.CONSENT_STATUS_WITHDRAWN));
        List<Document> before = allConsentDocuments();
        consentsCollection().insertOne(new Document("_id", "stray-" + subject).append("version", 0L));

        ReplayProjectionResponse replay = ProjectionAdminServiceGrpc.newBlockingStub(channel).withCallCredentials(ConsentRequests.as("admin"))
                .withDeadlineAfter(DEADLINE)
                .replayProjection(ReplayProjectionRequest.newBuilder().setName("consent-view").build());

        assertThat(replay.getStatus().getCaughtUp()).isTrue();
        assertThat(before).extracting(doc -> doc.get("_id")).contains(subject, other);
        assertThat(allConsentDocuments()).isEqualTo(before);
    }

    @Test
    void readiness_isUp_whenProjectionsRun() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
    }

    private List<Document> allConsentDocuments() {
        return consentsCollection().find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    private MongoCollection<Document> consentsCollection() {
        return mongo.getDatabase(database).getCollection("consents");
    }
}
