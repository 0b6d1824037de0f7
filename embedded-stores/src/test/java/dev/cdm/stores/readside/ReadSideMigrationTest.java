package dev.cdm.stores.readside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadSideMigrationTest {

    @TempDir
    Path dir;

    @Test
    void legacyFile_isCarriedOverWhole_thenDeleted() {
        Path legacy = dir.resolve("read-side.mv");
        Path target = dir.resolve("read-side-v2.mv");
        writeLegacy(legacy);

        long copied = ReadSideMigration.migrateIfPresent(legacy, target);

        assertThat(copied).isEqualTo(2_501);
        assertThat(legacy).doesNotExist();
        assertThat(Files.exists(target.resolveSibling("read-side-v2.mv.partial"))).isFalse();
        ReadSideBackend backend = ReadSideBackend.open(target);
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            assertThat(client.listDatabaseNames().into(new ArrayList<>())).contains("cdm-ingestion", "cdm-profile");
            MongoCollection<Document> rejects = client.getDatabase("cdm-ingestion").getCollection("rejected_records");
            assertThat(rejects.find().first()).containsEntry("reason", "email: not an address");
            MongoCollection<Document> views = client.getDatabase("cdm-profile").getCollection("profile_view");
            assertThat(views.countDocuments()).isEqualTo(2_500);
            assertThatThrownBy(() -> views.insertOne(new Document("_id", "new").append("slot", 7)))
                    .as("the unique index came along")
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
        } finally {
            server.shutdownNow();
            backend.close();
        }
    }

    @Test
    void noLegacyFile_meansNothingToDo() {
        assertThat(ReadSideMigration.migrateIfPresent(dir.resolve("read-side.mv"), dir.resolve("v2.mv"))).isZero();
        assertThat(dir.resolve("v2.mv")).doesNotExist();
    }

    /** What versions before ReadSideBackend left: the plain H2 backend, with its oplog. */
    private static void writeLegacy(Path file) {
        H2Backend backend = new H2Backend(file.toString());
        MongoServer server = new MongoServer(backend);
        server.enableOplog();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            client.getDatabase("cdm-ingestion").getCollection("rejected_records")
                    .insertOne(new Document("_id", "web/1").append("reason", "email: not an address"));
            MongoCollection<Document> views = client.getDatabase("cdm-profile").getCollection("profile_view");
            views.createIndex(Indexes.ascending("slot"), new IndexOptions().unique(true));
            List<Document> many = new ArrayList<>();
            for (int i = 0; i < 2_500; i++) {
                many.add(new Document("_id", "p-" + i).append("slot", i));
            }
            views.insertMany(many);
        } finally {
            server.shutdownNow();
            backend.close();
        }
    }
}
