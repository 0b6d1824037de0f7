package dev.cdm.stores.readside;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.oplog.Oplog;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The MongoDB stand-in's storage: mongo-java-server's H2 (MVStore) backend with data types that suit it, keys of
 * unique indexes compared as MongoDB values ({@link KeyValueDataType}) and documents stored as BSON
 * ({@link BsonDocumentDataType}). The map names and layout are the library's; only the encodings differ, so a file
 * of the plain H2 backend is not readable by this one (see {@link ReadSideMigration}).
 */
public final class ReadSideBackend extends H2Backend {

    private static final String DATA_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";
    private static final String INDEX_INFIX = "._index_";

    /**
     * MVStore's page cache in MB. Its default (16) holds a small part of a read side of 100k profiles; more must
     * fit the stores process's heap (-Xmx384m by default) beside everything else it holds.
     */
    private static final int CACHE_MB = Integer.getInteger("cdm.read-side.cache-mb", 64);

    /** The name {@code map} of collection {@code oldNamespace} takes when it becomes {@code newNamespace}; else null. */
    static String renamedMap(String map, String oldNamespace, String newNamespace) {
        for (String prefix : List.of(DATA_PREFIX, META_PREFIX)) {
            if (map.equals(prefix + oldNamespace)) {
                return prefix + newNamespace;
            }
        }
        return map.startsWith(oldNamespace + INDEX_INFIX)
                ? newNamespace + map.substring(oldNamespace.length()) : null;
    }

    private ReadSideBackend(MVStore store) {
        super(store);
    }

    public static ReadSideBackend open(Path file) {
        return new ReadSideBackend(new MVStore.Builder().fileName(file.toString()).cacheSize(CACHE_MB).open());
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        return readingOneVersion(() -> super.handleMessage(message));
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        return readingOneVersion(() -> super.handleCommand(channel, databaseName, command, query));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return readingOneVersion(() -> super.handleQuery(query));
    }

    /**
     * Runs one request with the store's current version registered as in use. MVStore frees a chunk as soon as no
     * version it counts as in use needs it, and it counts only registered ones: a long scan (a count over 200k
     * profiles) while the background writer compacts, moving live pages out of old chunks, otherwise reads a freed
     * chunk and fails with "Chunk N not found" (seen once after a 1M-event replay; the H2 maintainers' answer in
     * h2database#2590, still open as #4383).
     */
    private <T> T readingOneVersion(Supplier<T> request) {
        MVStore store = getMvStore();
        MVStore.TxCounter inUse = store.registerVersionUsage();
        try {
            return request.get();
        } finally {
            store.deregisterVersionUsage(inUse);
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new ReadSideDatabase(databaseName);
    }

    /*
     * An inner class on purpose: H2Database's constructor already opens the collections and indexes (calling the
     * overrides below), before a subclass could have set a field of its own; the enclosing backend is set first.
     */
    private final class ReadSideDatabase extends H2Database {

        ReadSideDatabase(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        /** A {@code countDocuments} ({@link CountPipeline}) counts without the library's in-memory aggregation. */
        @Override
        public Document handleCommand(Channel channel, String command, Document query,
                                      DatabaseResolver databaseResolver, Oplog oplog) {
            if (command.equals("aggregate")) {
                Optional<CountPipeline> count = CountPipeline.of(query);
                if (count.isPresent()) {
                    CountPipeline pipeline = count.get();
                    MongoCollection<Object> collection = resolveCollection(pipeline.collection(), false);
                    int n = collection == null ? 0
                            : collection.count(pipeline.filter(), pipeline.skip(), pipeline.limit());
                    return pipeline.reply(getFullCollectionNamespace(pipeline.collection()), n);
                }
            }
            return super.handleCommand(channel, command, query, databaseResolver, oplog);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> data = getMvStore().openMap(DATA_PREFIX + namespace,
                    new MVMap.Builder<Object, Document>().valueType(BsonDocumentDataType.INSTANCE));
            MVMap<String, Object> meta = getMvStore().openMap(META_PREFIX + namespace);
            return new ReadSideCollection(this, collectionName, options, data, meta, cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            MVMap<KeyValue, Object> map = getMvStore().openMap(
                    getFullCollectionNamespace(collectionName) + INDEX_INFIX + indexName,
                    new MVMap.Builder<KeyValue, Object>().keyType(KeyValueDataType.INSTANCE));
            return new ReadSideIndex(map, indexName, keys, sparse);
        }

        /**
         * The library's H2 rename is broken: it renames maps after the collection already has its new name (so it
         * renames fresh, empty maps onto themselves) and leaves the index maps alone, so after a restart the renamed
         * collection opens empty. A rebuilt projection replaces the live one by such a rename, so here every map
         * of the collection (data, meta, indexes) takes the new name; the open map objects, which the collection and
         * its indexes hold, stay the same.
         */
        @Override
        public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection,
                                   String newCollectionName) {
            String oldNamespace = collection.getFullName();
            String newNamespace = getFullCollectionNamespace(newCollectionName);
            super.moveCollection(oldDatabase, collection, newCollectionName);
            MVStore store = getMvStore();
            for (String map : List.copyOf(store.getMapNames())) {
                String renamed = renamedMap(map, oldNamespace, newNamespace);
                if (renamed != null) {
                    if (store.hasMap(renamed)) {
                        store.removeMap(renamed);
                    }
                    store.renameMap(store.openMap(map), renamed);
                }
            }
        }
    }
}
