package dev.cdm.stores.readside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoNamespace;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.RenameCollectionOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadSideBackendTest {

    @TempDir
    Path dir;

    private void withCollection(Consumer<MongoCollection<Document>> work) {
        withDatabase(db -> work.accept(db.getCollection("docs")));
    }

    private void withDatabase(Consumer<MongoDatabase> work) {
        ReadSideBackend backend = ReadSideBackend.open(dir.resolve("read-side-v2.mv"));
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            work.accept(client.getDatabase("cdm-test"));
        } finally {
            server.shutdownNow();
            backend.close();
        }
    }

    @Test
    void documents_keepEveryValueType_acrossARestart() {
        ObjectId objectId = new ObjectId();
        Document stored = new Document("_id", "p-1")
                .append("text", "Иван Волков").append("int", 42).append("long", 1L << 40).append("double", 12.5)
                .append("flag", true).append("none", null).append("when", new Date(1_700_000_000_000L))
                .append("oid", objectId).append("bytes", new Binary(new byte[] {1, 2, 3}))
                .append("money", Decimal128.parse("12.50"))
                .append("nested", new Document("list", List.of("a", 1, new Document("deep", 2L))));
        withCollection(docs -> docs.insertOne(stored));

        withCollection(docs -> assertThat(docs.find(Filters.eq("_id", "p-1")).first()).isEqualTo(stored));
    }

    @Test
    void lookupsById_findEachOfManyDocuments_acrossARestart() {
        withCollection(docs -> {
            List<Document> many = new ArrayList<>();
            for (int i = 0; i < 5_000; i++) {
                many.add(new Document("_id", "key:" + i).append("n", i));
            }
            docs.insertMany(many);
        });

        withCollection(docs -> {
            assertThat(docs.countDocuments()).isEqualTo(5_000);
            assertThat(docs.find(Filters.eq("_id", "key:4321")).first()).containsEntry("n", 4321);
            assertThat(docs.find(Filters.in("_id", List.of("key:7", "key:4999", "absent"))).into(new ArrayList<>()))
                    .extracting(d -> d.getInteger("n")).containsExactlyInAnyOrder(7, 4999);
            assertThat(docs.find(Filters.eq("_id", 17)).first()).as("a number is not the string key").isNull();
        });
    }

    @Test
    void idInLookups_stillSortSkipAndProject_andOtherShapesStillMatch() {
        withCollection(docs -> {
            docs.insertMany(List.of(new Document("_id", "a").append("n", 1).append("x", "keep"),
                    new Document("_id", "b").append("n", 2).append("x", "keep"),
                    new Document("_id", "c").append("n", 3).append("x", "keep")));

            assertThat(docs.find(Filters.in("_id", List.of("c", "a", "b", "zz"))).sort(new Document("n", -1))
                    .skip(1).projection(new Document("x", 0)).into(new ArrayList<>()))
                    .containsExactly(new Document("_id", "b").append("n", 2), new Document("_id", "a").append("n", 1));
            assertThat(docs.find(Filters.and(Filters.in("_id", List.of("a", "b")), Filters.gt("n", 1)))
                    .into(new ArrayList<>())).extracting(d -> d.getString("_id")).containsExactly("b");
            assertThat(docs.find(Filters.in("_id", List.of(1, "c"))).into(new ArrayList<>()))
                    .extracting(d -> d.getString("_id")).containsExactly("c");
        });
    }

    @Test
    void upserts_addToTheDocumentTheyFind_notToADuplicate() {
        withCollection(docs -> docs.bulkWrite(List.of(
                new UpdateOneModel<>(Filters.eq("_id", "block"), Updates.addToSet("ids", "a"),
                        new UpdateOptions().upsert(true)),
                new UpdateOneModel<>(Filters.eq("_id", "block"), Updates.addToSet("ids", "b"),
                        new UpdateOptions().upsert(true)))));

        withCollection(docs -> {
            docs.updateOne(Filters.eq("_id", "block"), Updates.addToSet("ids", "a"), new UpdateOptions().upsert(true));
            assertThat(docs.countDocuments()).isEqualTo(1);
            assertThat(docs.find().first().getList("ids", String.class)).containsExactly("a", "b");
        });
    }

    /*
     * MVStore's background writer serializes the documents held in the map while requests run. The library's update
     * removes the dropped fields from the document it read, in place: were that the stored instance, the writer
     * could meet it half changed (ConcurrentModificationException, seen once in a 1M-event replay).
     */
    @Test
    void updates_leaveTheStoredDocumentInstanceUntouched_forTheBackgroundWriterMaySerializeIt() {
        ReadSideBackend backend = ReadSideBackend.open(dir.resolve("read-side-v2.mv"));
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            MongoCollection<Document> docs = client.getDatabase("cdm-test").getCollection("docs");
            docs.insertOne(new Document("_id", "p-1").append("name", "Ivan").append("phone", "+79437767077"));
            docs.insertOne(new Document("_id", "p-2").append("name", "Anna").append("phone", "+390612345678"));
            var stored = backend.getMvStore().<Object, de.bwaldvogel.mongo.bson.Document>openMap(
                    "databases.cdm-test.docs");
            de.bwaldvogel.mongo.bson.Document byId = stored.get("p-1");
            de.bwaldvogel.mongo.bson.Document byScan = stored.get("p-2");

            docs.updateOne(Filters.eq("_id", "p-1"), Updates.unset("phone"));
            docs.updateOne(Filters.eq("name", "Anna"), Updates.unset("phone"));

            assertThat(byId).containsKey("phone");
            assertThat(byScan).containsKey("phone");
            assertThat(docs.find(Filters.in("_id", List.of("p-1", "p-2"))).into(new ArrayList<>()))
                    .allSatisfy(document -> assertThat(document).doesNotContainKey("phone"));
        } finally {
            server.shutdownNow();
            backend.close();
        }
    }

    @Test
    void counts_matchWhatTheyCount_withoutTheAggregationOverTheWholeCollection() {
        withDatabase(db -> {
            MongoCollection<Document> docs = db.getCollection("docs");
            List<Document> many = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                many.add(new Document("_id", "p-" + i).append("active", i % 4 != 0).append("n", i));
            }
            docs.insertMany(many);

            assertThat(docs.countDocuments()).isEqualTo(1_000);
            assertThat(docs.estimatedDocumentCount()).isEqualTo(1_000);
            assertThat(docs.countDocuments(Filters.eq("active", true))).isEqualTo(750);
            assertThat(docs.countDocuments(Filters.and(Filters.eq("active", false), Filters.lt("n", 100))))
                    .isEqualTo(25);
            assertThat(docs.countDocuments(Filters.in("_id", List.of("p-1", "p-1", "p-4", "absent")))).isEqualTo(2);
            assertThat(docs.countDocuments(Filters.and(Filters.in("_id", List.of("p-1", "p-4")),
                    Filters.eq("active", true)))).isEqualTo(1);
            assertThat(docs.countDocuments(Filters.eq("active", true), new CountOptions().skip(700).limit(40)))
                    .isEqualTo(40);
            assertThat(docs.countDocuments(Filters.eq("active", true), new CountOptions().skip(740).limit(40)))
                    .isEqualTo(10);
            assertThat(docs.countDocuments(Filters.eq("active", "never"))).isZero();
            assertThat(db.getCollection("absent").countDocuments()).isZero();
            // an aggregation that is no count still goes the library's way
            assertThat(docs.aggregate(List.of(Aggregates.match(Filters.lt("n", 8)),
                    Aggregates.group("$active", Accumulators.sum("n", 1)))).into(new ArrayList<>()))
                    .extracting(group -> group.get("_id") + "=" + group.get("n"))
                    .containsExactlyInAnyOrder("true=6", "false=2");
        });
    }

    @Test
    void uniqueCompoundIndex_refusesADuplicate_acrossARestart() {
        withCollection(docs -> {
            docs.createIndex(Indexes.ascending("source", "recordId"), new IndexOptions().unique(true));
            docs.insertOne(new Document("_id", 1).append("source", "web").append("recordId", "42"));
        });

        withCollection(docs -> {
            assertThatThrownBy(() -> docs.insertOne(new Document("_id", 2).append("source", "web")
                    .append("recordId", "42")))
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
            assertThatThrownBy(() -> docs.bulkWrite(List.of(new com.mongodb.client.model.InsertOneModel<>(
                    new Document("_id", 1).append("source", "shop")))))
                    .isInstanceOf(MongoBulkWriteException.class);
            docs.insertOne(new Document("_id", 3).append("source", "shop").append("recordId", "42"));
            assertThat(docs.countDocuments()).isEqualTo(2);
        });
    }

    /** How a projection rebuilt beside the live one replaces it (blue/green): the rebuilt one takes the name. */
    @Test
    void renameWithDropTarget_replacesTheTarget_keepingDocumentsAndIndexes_acrossARestart() {
        withDatabase(db -> {
            db.getCollection("docs").insertOne(new Document("_id", "old").append("email", "a@x"));
            MongoCollection<Document> rebuilt = db.getCollection("docs__rebuild");
            rebuilt.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
            rebuilt.insertMany(List.of(new Document("_id", "new-1").append("email", "b@x"),
                    new Document("_id", "new-2").append("email", "c@x")));

            rebuilt.renameCollection(new MongoNamespace("cdm-test", "docs"),
                    new RenameCollectionOptions().dropTarget(true));

            assertThat(db.listCollectionNames().into(new ArrayList<>())).contains("docs")
                    .doesNotContain("docs__rebuild");
        });

        withDatabase(db -> {
            MongoCollection<Document> docs = db.getCollection("docs");
            assertThat(docs.find(Filters.eq("_id", "old")).first()).isNull();
            assertThat(docs.find(Filters.eq("_id", "new-2")).first()).containsEntry("email", "c@x");
            assertThat(docs.countDocuments()).isEqualTo(2);
            assertThatThrownBy(() -> docs.insertOne(new Document("_id", "new-3").append("email", "b@x")))
                    .isInstanceOf(MongoWriteException.class);
            assertThat(db.getCollection("docs__rebuild").countDocuments()).isZero();
        });
    }

    /** A conditional delete by ids (a lookup list left empty): only the listed documents that match the rest go. */
    @Test
    void queriesById_withMoreConditions_matchTheConditionsOnTheDocumentsOfThoseIds() {
        withCollection(docs -> {
            docs.insertMany(List.of(new Document("_id", "k1").append("ids", List.of()),
                    new Document("_id", "k2").append("ids", List.of("p-1")),
                    new Document("_id", "k3").append("ids", List.of()).append("oversized", true),
                    new Document("_id", "k4").append("ids", List.of())));

            assertThat(docs.find(Filters.and(Filters.eq("_id", "k2"), Filters.size("ids", 1))).first())
                    .containsEntry("_id", "k2");
            assertThat(docs.find(Filters.and(Filters.eq("_id", "k2"), Filters.size("ids", 0))).first()).isNull();
            long deleted = docs.deleteMany(Filters.and(Filters.in("_id", List.of("k1", "k2", "k3", "missing")),
                    Filters.size("ids", 0), Filters.ne("oversized", true))).getDeletedCount();

            assertThat(deleted).isEqualTo(1);
            assertThat(docs.find().map(doc -> doc.getString("_id")).into(new ArrayList<>()))
                    .containsExactlyInAnyOrder("k2", "k3", "k4");
        });
    }

    /** The driver sends {@code Filters.and} as {@code $and}: flattened, the {@code _id} index serves it instead of a scan. */
    @Test
    void andOfConditionsOnDistinctFields_isFlattened_soThatTheIdIndexServesIt() {
        var ids = query("$in", List.of("k1", "k2"));
        var and = query("$and", List.of(query("_id", ids), query("ids", query("$size", 0))));

        assertThat(ReadSideCollection.flattened(and))
                .isEqualTo(query("_id", ids).append("ids", query("$size", 0)));

        var sameFieldTwice = query("$and", List.of(query("n", query("$gt", 1)), query("n", query("$lt", 5))));
        assertThat(ReadSideCollection.flattened(sameFieldTwice)).isSameAs(sameFieldTwice);
        var nestedOr = query("$and", List.of(query("_id", ids), query("$or", List.of(query("a", 1), query("b", 2)))));
        assertThat(ReadSideCollection.flattened(nestedOr)).isSameAs(nestedOr);
        var plain = query("_id", ids);
        assertThat(ReadSideCollection.flattened(plain)).isSameAs(plain);
    }

    private static de.bwaldvogel.mongo.bson.Document query(String key, Object value) {
        return new de.bwaldvogel.mongo.bson.Document(key, value);
    }
}
