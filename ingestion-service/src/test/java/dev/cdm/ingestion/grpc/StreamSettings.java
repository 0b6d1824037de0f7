package dev.cdm.ingestion.grpc;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Small batches (so that a test sees several), a short linger, and one retry of an unreachable peer. */
public class StreamSettings implements QuarkusTestProfile {

    static final int BATCH_SIZE = 4;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "cdm.ingestion.stream.batch-size", String.valueOf(BATCH_SIZE),
                "cdm.ingestion.stream.linger", "PT0.05S",
                "cdm.peers.retry.max-attempts", "2");
    }
}
