package dev.cdm.kernel.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Changes to lookup documents of one projection batch: {@code _id} = a key (an identifier, a blocking key), field
 * {@code profileIds} = the ids listed under it. Queued in order and written by {@link #flush} in one ordered bulk
 * write ({@code $addToSet} / {@code $pull}, so writing them again changes nothing).
 *
 * <p>With a cap, a key that would list more ids is marked {@code oversized} and stops growing: readers ignore such
 * a key (it is too common to find anything by), and its document no longer gets dearer to rewrite.
 */
public final class KeyListBatch implements ProjectionBatch {

    public static final String IDS = "profileIds";
    public static final String OVERSIZED = "oversized";

    private final MongoCollection<Document> collection;
    private final int maxIds;
    private final List<Change> changes = new ArrayList<>();

    public KeyListBatch(MongoCollection<Document> collection) {
        this(collection, Integer.MAX_VALUE);
    }

    public KeyListBatch(MongoCollection<Document> collection, int maxIds) {
        this.collection = collection;
        this.maxIds = maxIds;
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
        Map<String, Integer> sizes = maxIds == Integer.MAX_VALUE ? Map.of() : sizesOfKeysAddedTo();
        Set<String> full = new HashSet<>();
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Change change : changes) {
            Bson update = change.add() ? Updates.addToSet(IDS, change.id()) : Updates.pull(IDS, change.id());
            for (String key : change.keys()) {
                if (change.add() && !sizes.isEmpty() && sizes.merge(key, 1, Integer::sum) > maxIds) {
                    if (full.add(key)) {
                        writes.add(new UpdateOneModel<>(Filters.eq("_id", key), Updates.set(OVERSIZED, true)));
                    }
                    continue;
                }
                writes.add(new UpdateOneModel<>(Filters.eq("_id", key), update,
                        new UpdateOptions().upsert(change.add())));
            }
        }
        if (!writes.isEmpty()) {
            collection.bulkWrite(writes);
            deleteEmptied();
        }
        changes.clear();
    }

    /**
     * Deletes the lists this batch's removals left empty: a key is an identifier or derived from one (an email, a
     * phonetic code), personal data that must not outlive the last profile holding it. Oversized lists stay, as
     * their flag must. The emptiness is checked by the delete itself (one atomic step per document), as another
     * segment of the processor may add to a list between this batch's removal and its delete.
     */
    private void deleteEmptied() {
        Set<String> removedFrom = new HashSet<>();
        changes.stream().filter(change -> !change.add()).forEach(change -> removedFrom.addAll(change.keys()));
        if (!removedFrom.isEmpty()) {
            collection.deleteMany(Filters.and(Filters.in("_id", removedFrom), Filters.size(IDS, 0),
                    Filters.ne(OVERSIZED, true)));
        }
    }

    /** How many ids each key an add goes to lists now (oversized keys count as full), in one {@code _id} lookup. */
    private Map<String, Integer> sizesOfKeysAddedTo() {
        Set<String> keys = new HashSet<>();
        changes.stream().filter(Change::add).forEach(c -> keys.addAll(c.keys()));
        Map<String, Integer> sizes = new HashMap<>();
        if (keys.isEmpty()) {
            return sizes;
        }
        keys.forEach(key -> sizes.put(key, 0));
        // a find by _id, not an aggregation: a $match stage is a full collection scan on the MongoDB stand-in
        collection.find(Filters.in("_id", keys)).projection(Projections.include(IDS, OVERSIZED))
                .forEach(doc -> sizes.put(doc.getString("_id"), Boolean.TRUE.equals(doc.getBoolean(OVERSIZED))
                        ? maxIds : doc.getList(IDS, String.class, List.of()).size()));
        return sizes;
    }

    private record Change(Set<String> keys, String id, boolean add) {
    }
}
