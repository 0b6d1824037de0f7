package dev.cdm.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class ReadModelSnapshotTest {

    private static final ReadModelSnapshot LIVE = new ReadModelSnapshot(Map.of(
            "consents", List.of(doc("a", 1), doc("b", 2)),
            "audit", List.of(doc("e-1", 1))));

    @Test
    void anEqualSnapshot_differsInNothing() {
        ReadModelSnapshot same = new ReadModelSnapshot(Map.of(
                "audit", List.of(doc("e-1", 1)),
                "consents", List.of(doc("a", 1), doc("b", 2))));

        assertThat(same.differencesFrom(LIVE)).isEmpty();
        assertThat(same.sizes()).containsOnly(Map.entry("consents", 2), Map.entry("audit", 1));
    }

    @Test
    void aChangedMissingOrExtraDocument_isNamedWithItsCollection() {
        ReadModelSnapshot rebuilt = new ReadModelSnapshot(Map.of(
                "consents", List.of(doc("a", 3), doc("c", 1)),
                "audit", List.of()));

        assertThat(rebuilt.differencesFrom(LIVE)).containsExactly(
                "audit lacks {\"_id\": \"e-1\", \"version\": 1}",
                "consents holds {\"_id\": \"a\", \"version\": 3} instead of {\"_id\": \"a\", \"version\": 1}",
                "consents lacks {\"_id\": \"b\", \"version\": 2}",
                "consents also holds {\"_id\": \"c\", \"version\": 1}");
    }

    private static Document doc(String id, int version) {
        return new Document("_id", id).append("version", version);
    }
}
