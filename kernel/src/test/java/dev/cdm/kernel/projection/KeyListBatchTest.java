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
        assertThat(lists.find(new Document("_id", "b")).first()).as("a list left empty is deleted").isNull();
    }

    @Test
    void aListLeftEmpty_isDeleted_forItsKeyIsPersonalData_butNotOneStillHeldRefilledOrOversized() {
        lists.insertOne(new Document("_id", "common").append(KeyListBatch.IDS, List.of())
                .append(KeyListBatch.OVERSIZED, true));
        KeyListBatch first = new KeyListBatch(lists);
        first.add(List.of("email:anna@example.org", "refilled", "shared"), "p1");
        first.add(List.of("shared"), "p2");
        first.flush();
        KeyListBatch second = new KeyListBatch(lists);
        second.remove(List.of("email:anna@example.org", "refilled", "shared", "common"), "p1");
        second.add(List.of("refilled"), "p3");
        second.flush();

        assertThat(lists.find(new Document("_id", "email:anna@example.org")).first()).isNull();
        assertThat(ids("refilled")).containsExactly("p3");
        assertThat(ids("shared")).containsExactly("p2");
        assertThat(lists.find(new Document("_id", "common")).first().getBoolean(KeyListBatch.OVERSIZED)).isTrue();
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
