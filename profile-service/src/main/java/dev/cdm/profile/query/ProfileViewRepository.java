package dev.cdm.profile.query;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.cdm.profile.api.ProfileView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
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
        for (String id : lookup.getList("profileIds", String.class)) {
            find(id).ifPresent(found::add);
        }
        return found;
    }

    /** Stores a new profile; false when it is already there (the event was applied before). */
    boolean insert(ProfileView view) {
        try {
            profiles().insertOne(ProfileDocuments.toDocument(view));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Replaces the stored profile unless it already reflects {@code view.version()} or later. */
    void replaceIfOlder(ProfileView view) {
        profiles().replaceOne(
                Filters.and(Filters.eq("_id", view.profileId()), Filters.lt("version", view.version())),
                ProfileDocuments.toDocument(view));
    }

    void addToLookup(Collection<String> keys, String profileId) {
        for (String key : keys) {
            lookup().updateOne(Filters.eq("_id", key), Updates.addToSet("profileIds", profileId),
                    new UpdateOptions().upsert(true));
        }
    }

    void removeFromLookup(Collection<String> keys, String profileId) {
        for (String key : keys) {
            lookup().updateOne(Filters.eq("_id", key), Updates.pull("profileIds", profileId));
        }
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
