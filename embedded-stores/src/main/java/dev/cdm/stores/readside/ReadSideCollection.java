package dev.cdm.stores.readside;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import java.util.Collection;
import java.util.Map;
import org.h2.mvstore.MVMap;

/**
 * A collection of the read side. One change to the library's query path: a query {@code {_id: {$in: [...]}}} of
 * plain values is answered by the {@code _id} index alone. The library looks the values up in the index and then
 * matches every document found against the whole list again, which costs found × listed comparisons: quadratic in
 * the batch lookups the projections make (thousands of keys at once).
 */
final class ReadSideCollection extends H2Collection {

    private static final String ID = "_id";
    private static final String IN = "$in";

    ReadSideCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                       MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursors) {
        super(database, collectionName, options, dataMap, metaMap, cursors);
    }

    @Override
    protected QueryResult matchDocuments(Document query, Iterable<Object> positions, Document orderBy,
                                         int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        Document remaining = isIdInPlainValues(query) ? new Document() : query;
        return super.matchDocuments(remaining, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /** Exactly {@code {_id: {$in: [plain values]}}}: each position the index found is an exact match. */
    private static boolean isIdInPlainValues(Document query) {
        if (query.size() != 1 || !(query.get(ID) instanceof Document condition)
                || condition.size() != 1 || !(condition.get(IN) instanceof Collection<?> values)) {
            return false;
        }
        return values.stream().noneMatch(v -> v == null || v instanceof Map || v instanceof Collection
                || BsonRegularExpression.isRegularExpression(v));
    }
}
