package dev.cdm.profile.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import dev.cdm.kernel.projection.KeyListBatch;
import dev.cdm.profile.identity.IdentityIndexRepository;
import dev.cdm.profile.query.ProfileViewRepository;
import dev.cdm.proto.v1.AwaitProjectionsRequest;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.ProfileServiceGrpc;
import dev.cdm.proto.v1.ProjectionAdminServiceGrpc;
import dev.cdm.proto.v1.ReplayProjectionRequest;
import dev.cdm.proto.v1.ReplayProjectionResponse;
import dev.cdm.testing.EmbeddedStoresResource;
import dev.cdm.testing.GrpcTestChannel;
import dev.cdm.testing.KeycloakResource;
import dev.cdm.testing.ReadModelSnapshot;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedStoresResource.class)
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(FakeConsentServiceResource.class)
class ProfileReplayTest {

    @TestHTTPResource
    URL url;

    @Inject
    MongoClient mongo;

    @Test
    void replay_rebuildsAReadModelEqualToTheLiveOne() {
        try (GrpcTestChannel channel = GrpcTestChannel.to(url)) {
            ProfileServiceGrpc.ProfileServiceBlockingStub profiles = ProfileServiceGrpc.newBlockingStub(channel.as("admin"));
            String last = null;
            for (int i = 0; i < 20; i++) {
                PersonFields person = PersonFields.newBuilder().setLastName("Replay" + i)
                        .setEmail("replay" + (i % 7) + "@example.org").setCountry(i % 2 == 0 ? "DE" : "FR").build();
                last = profiles.registerSourceRecord(ProfileGrpcServiceTest.request("replay-src", "r-" + i, person))
                        .getProfileId();
                profiles.registerSourceRecord(ProfileGrpcServiceTest.request("replay-src", "r-" + i,
                        person.toBuilder().setFirstName("Changed").build()));
            }
            String lastId = last;
            await().atMost(Duration.ofSeconds(10)).ignoreExceptionsInstanceOf(StatusRuntimeException.class)
                    .untilAsserted(() -> assertThat(profiles
                        .getProfile(Reads.get(lastId))
                        .getPerson().getFirstName()).isEqualTo("Changed"));
            ReadModelSnapshot viewBefore = snapshot(ProfileViewRepository.COLLECTIONS);

            ReplayProjectionResponse replay = ProjectionAdminServiceGrpc.newBlockingStub(channel.as("admin"))
                    .replayProjection(ReplayProjectionRequest.newBuilder().setName("profile-view").build());

            assertThat(replay.getStatus().getCaughtUp()).isTrue();
            assertThat(replay.getStatus().getPosition()).isGreaterThanOrEqualTo(39);
            assertThat(viewBefore.documents("profiles")).isNotEmpty();
            assertThat(snapshot(ProfileViewRepository.COLLECTIONS).differencesFrom(viewBefore)).isEmpty();

            ReadModelSnapshot indexBefore = snapshot(IdentityIndexRepository.COLLECTIONS);
            ProjectionAdminServiceGrpc.newBlockingStub(channel.as("admin"))
                    .replayProjection(ReplayProjectionRequest.newBuilder().setName("identity-index").build());
            assertThat(indexBefore.documents("identity_records")).hasSizeGreaterThanOrEqualTo(20);
            assertThat(snapshot(IdentityIndexRepository.COLLECTIONS).differencesFrom(indexBefore)).isEmpty();
        }
    }

    /**
     * Blue/green: while profile-view is rebuilt, reads of existing profiles keep answering and records keep coming
     * in; afterwards the view maintained live (which took those records) equals one rebuilt from the history, and no
     * rebuild collection is left.
     */
    @Test
    void replay_servesWhileItRebuilds_andLeavesTheViewThatARebuildFromTheHistoryGives() throws Exception {
        try (GrpcTestChannel channel = GrpcTestChannel.to(url)) {
            ProfileServiceGrpc.ProfileServiceBlockingStub profiles = ProfileServiceGrpc.newBlockingStub(channel.as("admin"));
            ProjectionAdminServiceGrpc.ProjectionAdminServiceBlockingStub admin =
                    ProjectionAdminServiceGrpc.newBlockingStub(channel.as("admin"));
            List<String> existing = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                existing.add(profiles.registerSourceRecord(ProfileGrpcServiceTest.request("bluegreen", "before-" + i,
                        PersonFields.newBuilder().setLastName("Before" + i).setEmail("before" + i + "@example.org")
                                .build())).getProfileId());
            }
            admin.awaitProjections(AwaitProjectionsRequest.getDefaultInstance());

            AtomicBoolean rebuilding = new AtomicBoolean(true);
            AtomicInteger reads = new AtomicInteger();
            List<String> failures = new CopyOnWriteArrayList<>();
            List<String> writtenDuring = new CopyOnWriteArrayList<>();
            ExecutorService serving = Executors.newFixedThreadPool(2);
            Future<?> reader = serving.submit(() -> {
                for (int n = 0; rebuilding.get(); n++) {
                    try {
                        profiles.getProfile(Reads.get(existing.get(n % existing.size())));
                        reads.incrementAndGet();
                    } catch (StatusRuntimeException e) {
                        failures.add("read: " + e.getStatus());
                    }
                }
            });
            Future<?> writer = serving.submit(() -> {
                for (int n = 0; rebuilding.get(); n++) {
                    try {
                        writtenDuring.add(profiles.registerSourceRecord(ProfileGrpcServiceTest.request("bluegreen",
                                "during-" + n, PersonFields.newBuilder().setLastName("During" + n)
                                        .setEmail("during" + n + "@example.org").build())).getProfileId());
                    } catch (StatusRuntimeException e) {
                        failures.add("write: " + e.getStatus());
                    }
                }
            });
            ReplayProjectionResponse replay;
            try {
                replay = admin.replayProjection(ReplayProjectionRequest.newBuilder().setName("profile-view").build());
            } finally {
                rebuilding.set(false);
                reader.get(30, TimeUnit.SECONDS);
                writer.get(30, TimeUnit.SECONDS);
                serving.shutdown();
            }

            assertThat(failures).isEmpty();
            assertThat(reads.get()).isPositive();
            assertThat(replay.getSegments()).isEqualTo(2);
            assertThat(replay.getStatus().hasRebuild()).isFalse();
            admin.awaitProjections(AwaitProjectionsRequest.getDefaultInstance());
            for (String id : writtenDuring) {
                assertThat(profiles.getProfile(Reads.get(id)).getProfileId()).isEqualTo(id);
            }
            ReadModelSnapshot live = snapshot(ProfileViewRepository.COLLECTIONS);
            assertThat(live.documents("profiles")).hasSizeGreaterThanOrEqualTo(150 + writtenDuring.size());

            admin.replayProjection(ReplayProjectionRequest.newBuilder().setName("profile-view").build());

            assertThat(snapshot(ProfileViewRepository.COLLECTIONS).differencesFrom(live)).isEmpty();
            assertThat(mongo.getDatabase("cdm-profile").listCollectionNames().into(new ArrayList<>()))
                    .noneMatch(name -> name.endsWith("__rebuild"));
        }
    }

    /** The documents of {@code collections}; a lookup list is a set, so its ids are compared sorted. */
    private ReadModelSnapshot snapshot(List<String> collections) {
        return ReadModelSnapshot.of(mongo.getDatabase("cdm-profile"), collections, KeyListBatch.IDS);
    }
}
