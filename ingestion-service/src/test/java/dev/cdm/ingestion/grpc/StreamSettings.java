package dev.cdm.ingestion.grpc;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Small batches (so that a test sees several), two of them in flight at most, a short linger, and one retry of an
 * unreachable peer.
 */
public class StreamSettings implements QuarkusTestProfile {

    static final int BATCH_SIZE = 4;
    static final int MAX_IN_FLIGHT = 2;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "cdm.ingestion.stream.batch-size", String.valueOf(BATCH_SIZE),
                "cdm.ingestion.stream.linger", "PT0.05S",
                "cdm.ingestion.stream.max-in-flight", String.valueOf(MAX_IN_FLIGHT),
                "cdm.peers.retry.max-attempts", "2");
    }
}
