package dev.cdm.bench.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.cdm.profile.query.ProfileViewAccess;
import dev.cdm.profile.query.ProfileViewProjection;
import java.nio.file.Files;
import java.nio.file.Path;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay's correctness check and timing wrapper, on the real projection and the MongoDB stand-in. */
class ReadModelCheckTest {

    private static final int EVENTS = 60;

    private final ProfileStreams streams = new ProfileStreams(3, 1, 4);
    private final ReadModelTimes times = new ReadModelTimes();

    @TempDir
    Path dir;

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;

    @BeforeEach
    void setUp() throws Exception {
        server = new MongoServer(new H2Backend(Files.createDirectories(dir).resolve("mongo.mv").toString()));
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("replay-test");
        var repository = ProfileViewAccess.repository(TimedMongo.database(database, times));
        ProfileViewAccess.reset(repository);
        AnnotationEventHandlerAdapter projection = new AnnotationEventHandlerAdapter(
                new ProfileViewProjection(repository));
        for (long n = 0; n < EVENTS; n++) {
            projection.handle(streams.event(n));
        }
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void verify_passes_whenTheProjectionAppliedEveryEvent() {
        new ReadModelCheck(streams, 5).verify(database, EVENTS);

        assertThat(database.getCollection(ProfileViewAccess.PROFILES).countDocuments()).isEqualTo(12);
    }

    @Test
    void verify_fails_whenAViewDiffersFromItsFold() {
        database.getCollection(ProfileViewAccess.PROFILES).updateOne(
                Filters.eq("_id", ProfileStreams.profileId(0)), Updates.set("version", 1L));

        assertThatThrownBy(() -> new ReadModelCheck(streams, 5).verify(database, EVENTS))
                .hasMessageContaining("Profile 0 differs from its fold");
    }

    @Test
    void verify_fails_whenProfilesAreMissing() {
        assertThatThrownBy(() -> new ReadModelCheck(streams, 5).verify(database, EVENTS + 20))
                .hasMessageContaining("Expected 16 profile documents, found 12");
    }

    @Test
    void timedDatabase_countsTheProjectionsReadsAndWrites() {
        ReadModelTimes.Snapshot snapshot = times.snapshot();

        // outside a processor's batch every event is read and flushed on its own
        assertThat(snapshot.reads()).isGreaterThanOrEqualTo(EVENTS);
        assertThat(snapshot.writes()).isGreaterThanOrEqualTo(EVENTS);
        assertThat(snapshot.readNanos()).isPositive();
        assertThat(snapshot.writeNanos()).isPositive();
    }

    @Test
    void sample_spreadsOverAllProfiles_firstAndLastIncluded() {
        assertThat(ReadModelCheck.sample(1_000, 5)).containsExactly(0L, 249L, 499L, 749L, 999L);
        assertThat(ReadModelCheck.sample(3, 5)).containsExactly(0L, 1L, 2L);
        assertThat(ReadModelCheck.sample(10, 0)).isEmpty();
    }
}
