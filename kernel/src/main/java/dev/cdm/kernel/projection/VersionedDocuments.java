package dev.cdm.kernel.projection;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

/**
 * Idempotent writes of read-model documents that carry a {@code version}: the sequence number of the last event
 * applied to them. An event delivered again writes nothing, so projections survive redelivery after a crash.
 */
public final class VersionedDocuments {

    public static final String VERSION = "version";

    private VersionedDocuments() {
    }

    /** Stores {@code document} (creating it when missing) unless the stored one has {@code version} or later. */
    public static void saveIfNewer(MongoCollection<Document> collection, Object id, long version,
                                   Document document) {
        try {
            collection.replaceOne(Filters.and(Filters.eq("_id", id), Filters.lt(VERSION, version)), document,
                    new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            // the filter missed because a newer version is stored: the upsert's insert then collides on _id
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }
}
