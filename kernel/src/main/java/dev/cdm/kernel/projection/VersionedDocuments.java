package dev.cdm.kernel.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
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

    /**
     * Stores {@code document} (creating it when missing) unless the stored one has {@code version} or later. Two
     * reads by {@code _id} instead of one filtered write: a filter on {@code _id} and {@code version} together is a
     * full collection scan on the MongoDB stand-in. Safe because one projection thread owns each document (a
     * processor segment handles all events of one aggregate).
     */
    public static void saveIfNewer(MongoCollection<Document> collection, Object id, long version,
                                   Document document) {
        Document stored = collection.find(Filters.eq("_id", id)).projection(Projections.include(VERSION)).first();
        if (stored != null && stored.get(VERSION, Number.class) != null
                && stored.get(VERSION, Number.class).longValue() >= version) {
            return;
        }
        collection.replaceOne(Filters.eq("_id", id), document, new ReplaceOptions().upsert(true));
    }
}
