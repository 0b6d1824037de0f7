package dev.cdm.profile.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import dev.cdm.kernel.projection.DocumentBatch;
import dev.cdm.kernel.projection.KeyListBatch;
import dev.cdm.kernel.projection.ReadModelStore;
import dev.cdm.profile.api.ProfileView;
import dev.cdm.profile.golden.Survivorship;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * MongoDB storage of the profile read model: {@code profiles} (one document per profile, keyed by id) and
 * {@code profile_lookup} (one document per identifier, {@code _id = "email:<normalized>"}, listing the profiles
 * that hold it), so that every read by an identifier is a lookup by {@code _id}. A search by name prefix or country
 * reads {@code profiles} through the indexes on its {@link SearchKeys}, in their order, after a position (keyset
 * paging: no skip, so a later page is not shifted by profiles added meanwhile).
 */
@ApplicationScoped
public class ProfileViewRepository {

    static final String PROFILES = "profiles";
    static final String LOOKUP = "profile_lookup";
    public static final List<String> COLLECTIONS = List.of(PROFILES, LOOKUP);

    private final ReadModelStore store;
    private final Survivorship survivorship;

    @Inject
    ProfileViewRepository(MongoClient mongo, @ConfigProperty(name = "cdm.mongodb.database") String database,
                          Survivorship survivorship) {
        this(mongo.getDatabase(database), survivorship);
    }

    ProfileViewRepository(MongoDatabase database, Survivorship survivorship) {
        this(ReadModelStore.live(database), survivorship);
    }

    private ProfileViewRepository(ReadModelStore store, Survivorship survivorship) {
        this.store = store;
        this.survivorship = survivorship;
    }

    /** The same read model in the collections a rebuild fills. */
    public ProfileViewRepository rebuilding() {
        return new ProfileViewRepository(store.rebuild(), survivorship);
    }

    void createIndexes(@Observes StartupEvent started) {
        createIndexes();
    }

    public Optional<ProfileView> find(String profileId) {
        return Optional.ofNullable(profiles().find(Filters.eq("_id", profileId)).first())
                .map(ProfileDocuments::toView);
    }

    /**
     * The profiles listed under lookup key {@code key}, in profile id order: the list is a set, which a replay in
     * parallel segments fills in another order than the live processor did, so its order says nothing.
     */
    public List<ProfileView> findByLookupKey(String key) {
        Document lookup = lookup().find(Filters.eq("_id", key)).first();
        if (lookup == null) {
            return List.of();
        }
        return profiles().find(Filters.in("_id", lookup.getList(KeyListBatch.IDS, String.class)))
                .sort(Sorts.ascending("_id")).map(ProfileDocuments::toView).into(new ArrayList<>());
    }

    /** Up to {@code size} profiles {@code search} finds, in search order after {@code after} (null: from the start). */
    public SearchPage search(ProfileSearch search, String after, int size) {
        Bson filter = after == null ? search.filter()
                : Filters.and(search.filter(), Filters.gt(SearchKeys.ORDER, after));
        List<Document> found = profiles().find(filter).sort(Sorts.ascending(SearchKeys.ORDER)).limit(size + 1)
                .into(new ArrayList<>());
        List<Document> page = found.subList(0, Math.min(size, found.size()));
        String nextAfter = found.size() > size
                ? page.get(size - 1).get(SearchKeys.FIELD, Document.class).getString("order") : null;
        return new SearchPage(page.stream().map(ProfileDocuments::toView).toList(), nextAfter);
    }

    /** A write buffer of views for one projection batch, holding those of {@code prefetch} already. */
    DocumentBatch<ProfileView> batch(Collection<String> prefetch) {
        return new DocumentBatch<>(profiles(), ProfileDocuments::toView, this::toDocument, prefetch);
    }

    /** A write buffer of lookup changes for one projection batch. */
    KeyListBatch lookupBatch() {
        return new KeyListBatch(lookup());
    }

    void dropAll() {
        profiles().drop();
        lookup().drop();
        createIndexes();
    }

    /** A merged-away profile is never searched for: it has no keys. */
    private Document toDocument(ProfileView view) {
        Optional<SearchKeys> keys = view.mergedInto() != null ? Optional.empty()
                : SearchKeys.of(view.profileId(), survivorship.of(view.records()).person());
        return ProfileDocuments.toDocument(view, keys);
    }

    /**
     * By country: equality, then the sort key, then the names (MongoDB's equality-sort-range rule), so a page reads
     * the index in order. By prefix: the names' range first, so a search reads only the keys that match it.
     */
    private void createIndexes() {
        profiles().createIndex(Indexes.ascending(SearchKeys.COUNTRY, SearchKeys.ORDER, SearchKeys.NAMES));
        profiles().createIndex(Indexes.ascending(SearchKeys.NAMES, SearchKeys.ORDER));
    }

    private MongoCollection<Document> profiles() {
        return store.collection(PROFILES);
    }

    private MongoCollection<Document> lookup() {
        return store.collection(LOOKUP);
    }
}
