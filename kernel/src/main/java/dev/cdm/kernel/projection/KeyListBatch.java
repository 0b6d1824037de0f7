package dev.cdm.kernel.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Changes to lookup documents of one projection batch: {@code _id} = a key (an identifier, a blocking key), field
 * {@code profileIds} = the ids listed under it. Queued in order and written by {@link #flush} in one ordered bulk
 * write ({@code $addToSet} / {@code $pull}, so writing them again changes nothing).
 */
public final class KeyListBatch implements ProjectionBatch {

    public static final String IDS = "profileIds";

    private final MongoCollection<Document> collection;
    private final List<Change> changes = new ArrayList<>();

    public KeyListBatch(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    public void add(Collection<String> keys, String id) {
        if (!keys.isEmpty()) {
            changes.add(new Change(Set.copyOf(keys), id, true));
        }
    }

    public void remove(Collection<String> keys, String id) {
        if (!keys.isEmpty()) {
            changes.add(new Change(Set.copyOf(keys), id, false));
        }
    }

    public int size() {
        return changes.size();
    }

    @Override
    public void flush() {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Change change : changes) {
            Bson update = change.add() ? Updates.addToSet(IDS, change.id()) : Updates.pull(IDS, change.id());
            change.keys().forEach(key -> writes.add(new UpdateOneModel<>(Filters.eq("_id", key), update,
                    new UpdateOptions().upsert(change.add()))));
        }
        if (!writes.isEmpty()) {
            collection.bulkWrite(writes);
        }
        changes.clear();
    }

    private record Change(Set<String> keys, String id, boolean add) {
    }
}
