package dev.cdm.analytics.grpc;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import com.mongodb.client.MongoClient;
import dev.cdm.analytics.query.ProfileFactsRepository;
import dev.cdm.proto.v1.AnalyticsServiceGrpc;
import dev.cdm.proto.v1.AwaitProjectionsRequest;
import dev.cdm.proto.v1.Count;
import dev.cdm.proto.v1.GetProfileCountsRequest;
import dev.cdm.proto.v1.ProfileCounts;
import dev.cdm.proto.v1.ProjectionAdminServiceGrpc;
import dev.cdm.proto.v1.ReplayProjectionRequest;
import dev.cdm.proto.v1.ReplayProjectionResponse;
import dev.cdm.testing.EmbeddedStoresResource;
import dev.cdm.testing.GrpcTestChannel;
import dev.cdm.testing.KeycloakResource;
import dev.cdm.testing.ReadModelSnapshot;
import io.grpc.Channel;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedStoresResource.class)
@QuarkusTestResource(KeycloakResource.class)
class AnalyticsGrpcServiceTest {

    private static final String PROJECTION = "analytics-profile-counts";
    /** anna, ben, cleo (restricted and lifted), finn and gus; not eva (merged away) nor dan (restricted). */
    private static final ProfileCounts COUNTED_PROFILES = ProfileCounts.newBuilder()
            .setTotalProfiles(5)
            .addBySource(count("crm", 3)).addBySource(count("shop", 2)).addBySource(count("web", 1))
            .addByCountry(count("FR", 2)).addByCountry(count("", 1)).addByCountry(count("AT", 1))
            .addByCountry(count("DE", 1))
            .build();
    private static boolean published;

    @Inject
    EventStore eventStore;

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "cdm.mongodb.database")
    String database;

    @TestHTTPResource("/")
    URL url;

    private GrpcTestChannel connection;
    private Channel analyst;
    private Channel admin;

    @BeforeEach
    void publishProfilesOnceAndConnect() {
        if (!published) {
            ProfileEventsFixture fixture = new ProfileEventsFixture(eventStore);
            fixture.publishFourProfiles();
            fixture.publishMergeSplitAndRestrictions();
            published = true;
        }
        connection = GrpcTestChannel.to(url);
        analyst = connection.as("analyst");
        admin = connection.as("admin");
    }

    @AfterEach
    void closeChannel() {
        connection.close();
    }

    @Test
    void getProfileCounts_countsProfilesPerSourceAndCountry_whenProfileEventsStored() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(counts()).isEqualTo(COUNTED_PROFILES));
    }

    /** Issue 4: the facts rebuilt by a replay equal those maintained live, merges, splits and restrictions included. */
    @Test
    void replayProjection_rebuildsTheFactsMaintainedLive() {
        var projections = ProjectionAdminServiceGrpc.newBlockingStub(admin).withDeadlineAfter(60, TimeUnit.SECONDS);
        projections.awaitProjections(AwaitProjectionsRequest.getDefaultInstance());
        ReadModelSnapshot live = facts();
        assertThat(live.documents("profile_facts")).hasSize(7)
                .anySatisfy(facts -> assertThat(facts).containsEntry("_id", "p-eva").containsEntry("retired", true))
                .anySatisfy(facts -> assertThat(facts).containsEntry("_id", "p-dan")
                        .containsEntry("restricted", true));

        ReplayProjectionResponse replay = projections
                .replayProjection(ReplayProjectionRequest.newBuilder().setName(PROJECTION).build());

        assertThat(replay.getStatus().getName()).isEqualTo(PROJECTION);
        assertThat(replay.getStatus().getCaughtUp()).isTrue();
        assertThat(facts().differencesFrom(live)).isEmpty();
        assertThat(counts()).isEqualTo(COUNTED_PROFILES);
    }

    @Test
    void readiness_reportsUp_whenProjectionRuns() {
        given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", is("UP"));
    }

    private ProfileCounts counts() {
        return AnalyticsServiceGrpc.newBlockingStub(analyst)
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .getProfileCounts(GetProfileCountsRequest.getDefaultInstance());
    }

    private ReadModelSnapshot facts() {
        return ReadModelSnapshot.of(mongo.getDatabase(database), ProfileFactsRepository.COLLECTIONS);
    }

    private static Count count(String key, long count) {
        return Count.newBuilder().setKey(key).setCount(count).build();
    }
}
