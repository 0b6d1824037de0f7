package dev.cdm.kernel.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeyListBatchTest {

    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> lists;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        lists = client.getDatabase("key-lists").getCollection("lists");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void addsAndPullsInOrder_andWritingAgainChangesNothing() {
        KeyListBatch batch = new KeyListBatch(lists);
        batch.add(List.of("a", "b"), "p1");
        batch.add(List.of("a"), "p2");
        batch.remove(List.of("b"), "p1");
        batch.flush();
        batch.add(List.of("a"), "p2");
        batch.flush();

        assertThat(ids("a")).containsExactly("p1", "p2");
        assertThat(ids("b")).isEmpty();
    }

    @Test
    void aCappedList_stopsGrowing_andIsMarkedOversized() {
        KeyListBatch first = new KeyListBatch(lists, 2);
        first.add(List.of("common", "rare"), "p1");
        first.add(List.of("common"), "p2");
        first.flush();
        KeyListBatch second = new KeyListBatch(lists, 2);
        second.add(List.of("common"), "p3");
        second.add(List.of("rare"), "p3");
        second.flush();

        assertThat(ids("common")).containsExactly("p1", "p2");
        assertThat(lists.find(new Document("_id", "common")).first().getBoolean(KeyListBatch.OVERSIZED)).isTrue();
        assertThat(ids("rare")).containsExactly("p1", "p3");
        assertThat(lists.find(new Document("_id", "rare")).first().get(KeyListBatch.OVERSIZED)).isNull();
    }

    private List<String> ids(String key) {
        return lists.find(new Document("_id", key)).first().getList(KeyListBatch.IDS, String.class);
    }
}
