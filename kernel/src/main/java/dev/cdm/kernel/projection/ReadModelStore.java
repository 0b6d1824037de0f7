package dev.cdm.kernel.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

/**
 * Where a projection's read model is written: its live collections, or the ones a rebuild fills beside them
 * ({@code <name>__rebuild}) until they replace the live ones by a rename (blue/green, see {@link ProjectionRebuild}).
 */
public final class ReadModelStore {

    static final String REBUILD_SUFFIX = "__rebuild";

    private final MongoDatabase database;
    private final String suffix;

    private ReadModelStore(MongoDatabase database, String suffix) {
        this.database = database;
        this.suffix = suffix;
    }

    public static ReadModelStore live(MongoDatabase database) {
        return new ReadModelStore(database, "");
    }

    /** The collections a rebuild of this store's projection writes. */
    public ReadModelStore rebuild() {
        return new ReadModelStore(database, REBUILD_SUFFIX);
    }

    public MongoCollection<Document> collection(String name) {
        return database.getCollection(name + suffix);
    }

    static String rebuildName(String collection) {
        return collection + REBUILD_SUFFIX;
    }
}
