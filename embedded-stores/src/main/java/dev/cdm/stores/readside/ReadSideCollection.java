package dev.cdm.stores.readside;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

/**
 * A collection of the read side. Two changes to the library's query path, both for queries whose {@code _id} is a
 * plain value or {@code {$in: [plain values]}}, alone or in an {@code $and} of conditions on distinct fields (the
 * form the Java driver gives {@code Filters.and}):
 * <ul>
 *   <li>{@code {_id: {$in: [...]}}} alone is answered by the {@code _id} index alone. The library looks the values
 *   up in the index and then matches every document found against the whole list again, which costs found × listed
 *   comparisons: quadratic in the batch lookups the projections make (thousands of keys at once).</li>
 *   <li>with more conditions beside it (a conditional delete: {@code {_id: {$in: [...]}, profileIds: {$size: 0}}}),
 *   the library uses no index at all (an index serves only a query on exactly its fields) and scans the
 *   collection. Here the {@code _id} index finds the documents and the other conditions are matched on those.</li>
 * </ul>
 * And every document it hands out is a copy: the library's update removes dropped fields from the document it
 * read, in place, and MVStore's background writer may be serializing the stored instance at that moment. Counts go
 * through the documents without keeping them ({@link #count(Document, int, int)}).
 */
final class ReadSideCollection extends H2Collection {

    private static final String ID = "_id";
    private static final String IN = "$in";
    private static final String AND = "$and";
    private static final String ID_INDEX = "_id_";

    ReadSideCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                       MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursors) {
        super(database, collectionName, options, dataMap, metaMap, cursors);
    }

    @Override
    protected QueryResult queryDocuments(Document filter, Document orderBy, int numberToSkip, int limit,
                                         int batchSize, Document fieldSelector) {
        Document query = flattened(filter);
        if (query.size() > 1 && isPlainIdCondition(query.get(ID))) {
            Iterable<Object> positions = idIndex().getPositions(new Document(ID, query.get(ID)));
            return super.matchDocuments(withoutId(query), positions, orderBy, numberToSkip, limit, batchSize,
                    fieldSelector);
        }
        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * {@code {$and: [{a: x}, {b: y}]}} as {@code {a: x, b: y}}, which means the same when no field repeats and no
     * clause is an operator; any other query is returned as it is.
     */
    static Document flattened(Document query) {
        if (query.size() != 1 || !(query.get(AND) instanceof List<?> clauses)) {
            return query;
        }
        Document flat = new Document();
        for (Object clause : clauses) {
            if (!(clause instanceof Document conditions)) {
                return query;
            }
            for (Map.Entry<String, Object> condition : conditions.entrySet()) {
                if (condition.getKey().startsWith("$") || flat.containsKey(condition.getKey())) {
                    return query;
                }
                flat.put(condition.getKey(), condition.getValue());
            }
        }
        return flat;
    }

    /** The conditions of {@code query} besides the one on {@code _id}. */
    private static Document withoutId(Document query) {
        Document rest = new Document(query);
        rest.remove(ID);
        return rest;
    }

    private Index<Object> idIndex() {
        return getIndexes().stream().filter(index -> index.getName().equals(ID_INDEX)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Collection " + getCollectionName() + " has no _id index"));
    }

    /**
     * The number of documents matching {@code filter}, counted as they are read: the library collects every matching
     * document first, so counting a large collection needed the heap for all of it (a count of 200k profiles ran the
     * stores JVM out of memory). An empty filter is the map's size; an {@code _id} condition reads only its documents.
     */
    @Override
    public int count(Document filter, int skip, int limit) {
        long matching = countMatching(filter == null ? new Document() : flattened(filter));
        long counted = Math.max(0, matching - Math.max(skip, 0));
        return (int) Math.min(limit > 0 ? Math.min(limit, counted) : counted, Integer.MAX_VALUE);
    }

    private long countMatching(Document query) {
        if (query.isEmpty()) {
            return count();
        }
        if (isPlainIdCondition(query.get(ID))) {
            Document rest = withoutId(query);
            long found = 0;
            Set<Object> positions = new LinkedHashSet<>();
            idIndex().getPositions(new Document(ID, query.get(ID))).forEach(positions::add);
            for (Object position : positions) {
                Document stored = super.getDocument(position);
                if (stored != null && (rest.isEmpty() || documentMatchesQuery(stored, rest))) {
                    found++;
                }
            }
            return found;
        }
        return streamAllDocumentsWithPosition()
                .filter(stored -> documentMatchesQuery(stored.getDocument(), query)).count();
    }

    @Override
    protected Document getDocument(Object position) {
        Document stored = super.getDocument(position);
        return stored == null ? null : stored.cloneDeeply();
    }

    /** The path of a query no index serves: only the matching documents are copied. */
    @Override
    protected QueryResult matchDocumentsFromStream(Stream<Document> documents, Document query, Document orderBy,
                                                   int numberToSkip, int limit, int batchSize,
                                                   Document fieldSelector) {
        Stream<Document> copies = documents.filter(document -> documentMatchesQuery(document, query))
                .map(Document::cloneDeeply);
        return super.matchDocumentsFromStream(copies, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    @Override
    protected QueryResult matchDocuments(Document query, Iterable<Object> positions, Document orderBy,
                                         int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        Document remaining = isIdInPlainValues(query) ? new Document() : query;
        return super.matchDocuments(remaining, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /** Exactly {@code {_id: {$in: [plain values]}}}: each position the index found is an exact match. */
    private static boolean isIdInPlainValues(Document query) {
        return query.size() == 1 && query.get(ID) instanceof Document condition && isPlainIdCondition(condition);
    }

    /** A plain value, or {@code {$in: [plain values]}}: the {@code _id} index finds exactly the matching documents. */
    private static boolean isPlainIdCondition(Object condition) {
        if (condition instanceof Document document) {
            return document.size() == 1 && document.get(IN) instanceof Collection<?> values
                    && values.stream().allMatch(ReadSideCollection::isPlain);
        }
        return isPlain(condition);
    }

    private static boolean isPlain(Object value) {
        return value != null && !(value instanceof Map) && !(value instanceof Collection)
                && !BsonRegularExpression.isRegularExpression(value);
    }
}
