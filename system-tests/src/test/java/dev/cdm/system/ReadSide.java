package dev.cdm.system;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;

/** Direct reads of the stores, to compare what the services project with what the event store holds. */
final class ReadSide implements AutoCloseable {

    /** Axon's own bookkeeping, which legitimately differs after a replay. */
    private static final String TOKENS = "trackingtokens";
    /** The list field of the lookup documents (KeyListBatch.IDS). */
    private static final String LOOKUP_LIST = "profileIds";

    private final MongoClient mongo;
    private final Connection eventStore;

    ReadSide(RunningPlatform platform) throws SQLException {
        this.mongo = MongoClients.create(platform.mongoUri());
        this.eventStore = DriverManager.getConnection(platform.jdbcUrl(), platform.state.stores().user(), "");
    }

    /** Every read-model collection of one service's database, each sorted by {@code _id}. */
    Map<String, List<Document>> dump(String database) {
        MongoDatabase db = mongo.getDatabase(database);
        Map<String, List<Document>> dump = new TreeMap<>();
        for (String name : db.listCollectionNames()) {
            if (!name.equals(TOKENS) && !name.startsWith("system.")) {
                List<Document> documents = db.getCollection(name).find().sort(Sorts.ascending("_id"))
                        .into(new ArrayList<>());
                documents.forEach(ReadSide::sortLookupList);
                dump.put(name, documents);
            }
        }
        return dump;
    }

    /**
     * A lookup document's list of profile ids is a set kept as a list: segments replaying in parallel fill it in
     * another order than the live processor did, so it is compared sorted.
     */
    private static void sortLookupList(Document document) {
        if (document.get(LOOKUP_LIST) instanceof List<?>) {
            document.put(LOOKUP_LIST, document.getList(LOOKUP_LIST, String.class).stream().sorted().toList());
        }
    }

    Document profileDocument(String profileId) {
        return mongo.getDatabase("cdm-profile").getCollection("profiles").find(new Document("_id", profileId)).first();
    }

    long profileCount() {
        return mongo.getDatabase("cdm-profile").getCollection("profiles").countDocuments();
    }

    /**
     * For each CustomerProfile aggregate that has a view, the highest sequence number stored in the event store:
     * every profile but the erased ones (tests sharing a platform erase some).
     */
    Map<String, Long> profileVersionsInEventStore() throws SQLException {
        Map<String, Long> versions = new HashMap<>();
        try (Statement statement = eventStore.createStatement();
             ResultSet rs = statement.executeQuery("SELECT aggregateIdentifier, MAX(sequenceNumber) "
                     + "FROM domainevententry WHERE type = 'CustomerProfile' AND aggregateIdentifier NOT IN ("
                     + "SELECT aggregateIdentifier FROM domainevententry WHERE payloadType = "
                     + "'cdm.profile.ProfileErased') GROUP BY aggregateIdentifier")) {
            while (rs.next()) {
                versions.put(rs.getString(1), rs.getLong(2));
            }
        }
        return versions;
    }

    List<Long> globalIndexesOf(String aggregateId) throws SQLException {
        List<Long> indexes = new ArrayList<>();
        try (var statement = eventStore.prepareStatement(
                "SELECT globalIndex FROM domainevententry WHERE aggregateIdentifier = ? ORDER BY globalIndex")) {
            statement.setString(1, aggregateId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    indexes.add(rs.getLong(1));
                }
            }
        }
        return indexes;
    }

    long eventCount() throws SQLException {
        return single("SELECT COUNT(*) FROM domainevententry");
    }

    /** The global index of the newest event. */
    long head() throws SQLException {
        return single("SELECT COALESCE(MAX(globalIndex), -1) FROM domainevententry");
    }

    private long single(String sql) throws SQLException {
        try (Statement statement = eventStore.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        mongo.close();
        eventStore.close();
    }
}
