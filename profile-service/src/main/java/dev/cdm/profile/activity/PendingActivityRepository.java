package dev.cdm.profile.activity;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import dev.cdm.kernel.events.Activity;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * MongoDB storage of activities whose customer no profile holds yet: {@code pending_activities}, one document per
 * activity ({@code _id} derived from its key, so an activity sent again while pending is stored once). The
 * customer's identifier is kept only as its keyed HMAC ({@code SuppressionKeys}); the activity itself is personal
 * data in clear, so this collection is an erasable path, purged by those keys.
 */
@ApplicationScoped
public class PendingActivityRepository {

    public static final String COLLECTION = "pending_activities";
    static final String IDENTIFIER_KEY = "identifierKey";
    static final String RECEIVED_AT = "receivedAt";

    private final MongoCollection<Document> collection;

    @Inject
    PendingActivityRepository(MongoClient mongo, @ConfigProperty(name = "cdm.mongodb.database") String database) {
        this.collection = mongo.getDatabase(database).getCollection(COLLECTION);
    }

    void createIndexes(@Observes StartupEvent started) {
        collection.createIndex(Indexes.ascending(IDENTIFIER_KEY));
        collection.createIndex(Indexes.ascending(RECEIVED_AT));
    }

    /** A pending activity, as stored. */
    public record Pending(String id, String identifierKind, String identifierKey, Activity activity,
                          Instant receivedAt) {
    }

    public Pending hold(String identifierKind, String identifierKey, Activity activity, Instant receivedAt) {
        String id = UUID.nameUUIDFromBytes(activity.key().getBytes(StandardCharsets.UTF_8)).toString();
        collection.replaceOne(Filters.eq("_id", id), new Document("_id", id)
                        .append("identifierKind", identifierKind)
                        .append(IDENTIFIER_KEY, identifierKey)
                        .append("activity", ActivityDocuments.toDocument(activity))
                        .append(RECEIVED_AT, Date.from(receivedAt)),
                new ReplaceOptions().upsert(true));
        return new Pending(id, identifierKind, identifierKey, activity, receivedAt);
    }

    public List<Pending> heldFor(Collection<String> identifierKeys) {
        if (identifierKeys.isEmpty()) {
            return List.of();
        }
        return collection.find(Filters.in(IDENTIFIER_KEY, identifierKeys)).sort(Sorts.ascending(RECEIVED_AT))
                .map(PendingActivityRepository::toPending).into(new ArrayList<>());
    }

    public List<Pending> oldest(int limit) {
        return collection.find().sort(Sorts.ascending(RECEIVED_AT, "_id")).limit(limit)
                .map(PendingActivityRepository::toPending).into(new ArrayList<>());
    }

    public long count() {
        return collection.countDocuments();
    }

    /** Removes a held activity; answers whether it was still held. */
    public boolean release(String id) {
        return collection.deleteOne(Filters.eq("_id", id)).getDeletedCount() > 0;
    }

    /** Removes every activity held for these identifier keys; answers how many. */
    public long purge(Collection<String> identifierKeys) {
        if (identifierKeys.isEmpty()) {
            return 0;
        }
        return collection.deleteMany(Filters.in(IDENTIFIER_KEY, identifierKeys)).getDeletedCount();
    }

    private static Pending toPending(Document doc) {
        return new Pending(doc.getString("_id"), doc.getString("identifierKind"), doc.getString(IDENTIFIER_KEY),
                ActivityDocuments.toActivity(doc.get("activity", Document.class)),
                doc.getDate(RECEIVED_AT).toInstant());
    }
}
