package dev.cdm.stores.readside;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BsonDocumentDataTypeTest {

    @Test
    void memoryEstimate_growsWithTheDocument_soThePageCacheStaysWithinTheHeap() {
        Document route = new Document("_id", "web\u241f42").append("profileId", "8f1c0a4e-0000-0000-0000-000000000000");
        Document block = new Document("_id", "nm:jn:smt").append("profileIds", IntStream.range(0, 100)
                .mapToObj(i -> "8f1c0a4e-0000-0000-0000-0000000000" + i).toList());

        int routeMemory = BsonDocumentDataType.INSTANCE.getMemory(route);
        int blockMemory = BsonDocumentDataType.INSTANCE.getMemory(block);

        assertThat(routeMemory).isBetween(100, 1_000);
        assertThat(blockMemory).isGreaterThan(40 * routeMemory / 2).isGreaterThan(100 * 36);
        assertThat(BsonDocumentDataType.INSTANCE.getMemory(new Document("nested",
                new Document("list", List.of(block))))).isGreaterThan(blockMemory);
    }
}
