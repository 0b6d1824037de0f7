package dev.cdm.profile.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.cdm.profile.api.ProfileView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import dev.cdm.kernel.projection.DocumentBatch;
import dev.cdm.kernel.projection.KeyListBatch;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * MongoDB storage of the profile read model: {@code profiles} (one document per profile, keyed by id) and
 * {@code profile_lookup} (one document per identifier, {@code _id = "email:<normalized>"}, listing the profiles
 * that hold it), so that every query is a lookup by {@code _id}.
 */
@ApplicationScoped
public class ProfileViewRepository {

    static final String PROFILES = "profiles";
    static final String LOOKUP = "profile_lookup";

    private final MongoDatabase database;

    @Inject
    ProfileViewRepository(MongoClient mongo, @ConfigProperty(name = "cdm.mongodb.database") String database) {
        this(mongo.getDatabase(database));
    }

    ProfileViewRepository(MongoDatabase database) {
        this.database = database;
    }

    public Optional<ProfileView> find(String profileId) {
        return Optional.ofNullable(profiles().find(Filters.eq("_id", profileId)).first())
                .map(ProfileDocuments::toView);
    }

    public List<ProfileView> findByLookupKey(String key) {
        Document lookup = lookup().find(Filters.eq("_id", key)).first();
        if (lookup == null) {
            return List.of();
        }
        List<ProfileView> found = new ArrayList<>();
        for (String id : lookup.getList(KeyListBatch.IDS, String.class)) {
            find(id).ifPresent(found::add);
        }
        return found;
    }

    /** A write buffer of views for one projection batch, holding those of {@code prefetch} already. */
    DocumentBatch<ProfileView> batch(Collection<String> prefetch) {
        return new DocumentBatch<>(profiles(), ProfileDocuments::toView, ProfileDocuments::toDocument, prefetch);
    }

    /** A write buffer of lookup changes for one projection batch. */
    KeyListBatch lookupBatch() {
        return new KeyListBatch(lookup());
    }

    void dropAll() {
        profiles().drop();
        lookup().drop();
    }

    private MongoCollection<Document> profiles() {
        return database.getCollection(PROFILES);
    }

    private MongoCollection<Document> lookup() {
        return database.getCollection(LOOKUP);
    }
}
