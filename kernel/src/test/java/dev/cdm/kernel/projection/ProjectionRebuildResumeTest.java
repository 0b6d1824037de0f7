package dev.cdm.kernel.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The hand-over's last step, against Axon's MongoDB token store. */
class ProjectionRebuildResumeTest {

    private static final String PROCESSOR = "projection";

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
    private final TokenStore tokens = MongoTokenStore.builder()
            .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, "cdm-test").build())
            .serializer(JacksonSerializer.defaultSerializer())
            .nodeId("node-1")
            .build();

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void everySegmentResumesAtTheRebuiltPosition_andIsReleased() {
        tokens.initializeTokenSegments(PROCESSOR, 2, new GlobalSequenceTrackingToken(5));

        ProjectionRebuild.resumeAt(tokens, PROCESSOR, new GlobalSequenceTrackingToken(9));

        assertThat(tokens.fetchAvailableSegments(PROCESSOR)).hasSize(2);
        assertThat(tokens.fetchToken(PROCESSOR, 0)).isEqualTo(new GlobalSequenceTrackingToken(9));
        assertThat(tokens.fetchToken(PROCESSOR, 1)).isEqualTo(new GlobalSequenceTrackingToken(9));
    }

    /**
     * Storing the token a segment already holds, within the millisecond of claiming it, modifies nothing, and the
     * MongoDB token store takes that for a lost claim. Repeated, the hand-over meets that millisecond many times.
     */
    @Test
    void aSegmentAlreadyAtThePosition_isLeftAsItIs_howeverFastTheHandOverRuns() {
        tokens.initializeTokenSegments(PROCESSOR, 1, new GlobalSequenceTrackingToken(5));

        for (int handOver = 0; handOver < 500; handOver++) {
            ProjectionRebuild.resumeAt(tokens, PROCESSOR, new GlobalSequenceTrackingToken(5));
        }

        assertThat(tokens.fetchToken(PROCESSOR, 0)).isEqualTo(new GlobalSequenceTrackingToken(5));
    }
}
