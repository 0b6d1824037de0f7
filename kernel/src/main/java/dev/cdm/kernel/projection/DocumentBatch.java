package dev.cdm.kernel.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.bson.Document;

/**
 * The documents of one collection that a projection batch reads and writes, keyed by {@code _id}: read together
 * (the batch's aggregates at the start, others when first asked for), changed in memory, and written by
 * {@link #flush} in one bulk write. Versions are checked by the projection when it reads a document, in the same
 * batch and on the one thread that owns it, so writes replace by {@code _id} alone (a filter on {@code _id} and
 * {@code version} together is a full scan on the MongoDB stand-in).
 */
public final class DocumentBatch<V> implements ProjectionBatch {

    private final MongoCollection<Document> collection;
    private final Function<Document, V> fromDocument;
    private final Function<V, Document> toDocument;
    private final Map<String, V> documents = new HashMap<>();
    private final Set<String> missing = new HashSet<>();
    /** Ids to write, in order: the value to store, or null to delete. */
    private final Map<String, V> pending = new LinkedHashMap<>();

    public DocumentBatch(MongoCollection<Document> collection, Function<Document, V> fromDocument,
                         Function<V, Document> toDocument, Collection<String> prefetch) {
        this.collection = collection;
        this.fromDocument = fromDocument;
        this.toDocument = toDocument;
        if (!prefetch.isEmpty()) {
            collection.find(Filters.in("_id", prefetch))
                    .forEach(doc -> documents.put(doc.getString("_id"), fromDocument.apply(doc)));
            prefetch.stream().filter(id -> !documents.containsKey(id)).forEach(missing::add);
        }
    }

    public Optional<V> find(String id) {
        V known = documents.get(id);
        if (known != null || missing.contains(id)) {
            return Optional.ofNullable(known);
        }
        Optional<V> loaded = Optional.ofNullable(collection.find(Filters.eq("_id", id)).first()).map(fromDocument);
        loaded.ifPresentOrElse(v -> documents.put(id, v), () -> missing.add(id));
        return loaded;
    }

    public void save(String id, V value) {
        documents.put(id, value);
        missing.remove(id);
        pending.remove(id);
        pending.put(id, value);
    }

    public void delete(String id) {
        documents.remove(id);
        missing.add(id);
        pending.remove(id);
        pending.put(id, null);
    }

    @Override
    public void flush() {
        List<WriteModel<Document>> writes = new ArrayList<>();
        pending.forEach((id, value) -> writes.add(value == null
                ? new DeleteOneModel<>(Filters.eq("_id", id))
                : new ReplaceOneModel<>(Filters.eq("_id", id), toDocument.apply(value),
                        new ReplaceOptions().upsert(true))));
        if (!writes.isEmpty()) {
            collection.bulkWrite(writes);
        }
        pending.clear();
    }
}
