package dev.cdm.profile.identity;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.projection.DocumentBatch;
import dev.cdm.kernel.projection.KeyListBatch;
import dev.cdm.kernel.projection.ReadModelStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The match index in MongoDB, every read by {@code _id}: {@code identity_blocks} (blocking key → the profiles
 * holding it), {@code identity_profiles} (profile → its records' match fields) and {@code identity_records}
 * (source record → its profile, the routing of known records and the basis of link exports).
 */
@ApplicationScoped
public class IdentityIndexRepository {

    static final String BLOCKS = "identity_blocks";
    static final String PROFILES = "identity_profiles";
    static final String RECORDS = "identity_records";
    public static final List<String> COLLECTIONS = List.of(BLOCKS, PROFILES, RECORDS);

    private final ReadModelStore store;

    @Inject
    IdentityIndexRepository(MongoClient mongo, @ConfigProperty(name = "cdm.mongodb.database") String database) {
        this(mongo.getDatabase(database));
    }

    IdentityIndexRepository(MongoDatabase database) {
        this(ReadModelStore.live(database));
    }

    private IdentityIndexRepository(ReadModelStore store) {
        this.store = store;
    }

    /** The same read model in the collections a rebuild fills. */
    public IdentityIndexRepository rebuilding() {
        return new IdentityIndexRepository(store.rebuild());
    }

    public Optional<IndexedProfile> profile(String profileId) {
        return Optional.ofNullable(profiles().find(Filters.eq("_id", profileId)).first())
                .map(IdentityDocuments::profile);
    }

    public Map<String, IndexedProfile> profiles(Collection<String> profileIds) {
        Map<String, IndexedProfile> found = new HashMap<>();
        if (!profileIds.isEmpty()) {
            profiles().find(Filters.in("_id", profileIds))
                    .forEach(doc -> found.put(doc.getString("_id"), IdentityDocuments.profile(doc)));
        }
        return found;
    }

    /**
     * Which of {@code profileIds} are restricted (GDPR Art. 18). The query is by {@code _id} alone, so that it is
     * one index lookup on any MongoDB (the embedded stand-in scans the collection for any other filter); only the
     * flag is read back.
     */
    public Set<String> restrictedAmong(Collection<String> profileIds) {
        Set<String> restricted = new HashSet<>();
        if (!profileIds.isEmpty()) {
            profiles().find(Filters.in("_id", profileIds))
                    .projection(Projections.include("restricted"))
                    .forEach(doc -> {
                        if (doc.getBoolean("restricted", false)) {
                            restricted.add(doc.getString("_id"));
                        }
                    });
        }
        return restricted;
    }

    /** The profiles of each blocking key that has any and is not oversized (too common to find candidates by). */
    public Map<String, List<String>> blocks(Collection<String> keys) {
        Map<String, List<String>> found = new HashMap<>();
        if (!keys.isEmpty()) {
            blocks().find(Filters.in("_id", keys))
                    .forEach(doc -> {
                        if (!Boolean.TRUE.equals(doc.getBoolean(KeyListBatch.OVERSIZED))) {
                            found.put(doc.getString("_id"), doc.getList(KeyListBatch.IDS, String.class, List.of()));
                        }
                    });
        }
        return found;
    }

    /** The profile each known record is in. */
    public Map<SourceRecordKey, String> routes(Collection<SourceRecordKey> keys) {
        Map<SourceRecordKey, String> found = new HashMap<>();
        if (!keys.isEmpty()) {
            records().find(Filters.in("_id", keys.stream().map(IdentityDocuments::routeId).toList()))
                    .forEach(doc -> found.put(IdentityDocuments.routeKey(doc), doc.getString("profileId")));
        }
        return found;
    }

    public Optional<String> route(SourceRecordKey key) {
        return Optional.ofNullable(routes(List.of(key)).get(key));
    }

    /** Every route (of one source, when given), to {@code sink}, in the order of their ids. */
    public void forEachRoute(String source, BiConsumer<SourceRecordKey, String> sink) {
        Bson filter = source == null || source.isBlank() ? new Document() : Filters.eq("source", source);
        records().find(filter).sort(new Document("_id", 1))
                .forEach(doc -> sink.accept(IdentityDocuments.routeKey(doc), doc.getString("profileId")));
    }

    /** A write buffer of block changes for one projection batch; a block stops growing at {@code maxBlockSize}. */
    KeyListBatch blockBatch(int maxBlockSize) {
        return new KeyListBatch(blocks(), maxBlockSize);
    }

    /** Writes each record's route; a null profile id deletes it. */
    void routeAll(Map<SourceRecordKey, String> routes) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        routes.forEach((key, profileId) -> writes.add(profileId == null
                ? new DeleteOneModel<>(Filters.eq("_id", IdentityDocuments.routeId(key)))
                : new ReplaceOneModel<>(Filters.eq("_id", IdentityDocuments.routeId(key)),
                        IdentityDocuments.route(key, profileId), new ReplaceOptions().upsert(true))));
        if (!writes.isEmpty()) {
            records().bulkWrite(writes);
        }
    }

    /** A write buffer of match-index profiles for one projection batch, holding those of {@code prefetch} already. */
    DocumentBatch<IndexedProfile> batch(Collection<String> prefetch) {
        return new DocumentBatch<>(profiles(), IdentityDocuments::profile, IdentityDocuments::profile, prefetch);
    }

    void dropAll() {
        blocks().drop();
        profiles().drop();
        records().drop();
    }

    private MongoCollection<Document> blocks() {
        return store.collection(BLOCKS);
    }

    private MongoCollection<Document> profiles() {
        return store.collection(PROFILES);
    }

    private MongoCollection<Document> records() {
        return store.collection(RECORDS);
    }
}
