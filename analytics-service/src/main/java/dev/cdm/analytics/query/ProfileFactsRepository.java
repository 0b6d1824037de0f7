package dev.cdm.analytics.query;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** MongoDB storage of the {@code profile_facts} collection: one document per profile, keyed by its id. */
@ApplicationScoped
public class ProfileFactsRepository {

    static final String FACTS = "profile_facts";

    private final MongoDatabase database;

    @Inject
    ProfileFactsRepository(MongoClient mongo, @ConfigProperty(name = "cdm.mongodb.database") String database) {
        this(mongo.getDatabase(database));
    }

    ProfileFactsRepository(MongoDatabase database) {
        this.database = database;
    }

    Optional<ProfileFacts> find(String profileId) {
        return Optional.ofNullable(facts().find(Filters.eq("_id", profileId)).first())
                .map(ProfileFactsDocuments::toFacts);
    }

    /** Stores the facts unless the stored ones already reflect {@code facts.version()} or later. */
    void saveIfNewer(ProfileFacts facts) {
        try {
            facts().replaceOne(
                    Filters.and(Filters.eq("_id", facts.profileId()), Filters.lt("version", facts.version())),
                    ProfileFactsDocuments.toDocument(facts),
                    new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            // the filter missed because a newer version is stored: the upsert's insert then collides on _id
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    void dropAll() {
        facts().drop();
    }

    private MongoCollection<Document> facts() {
        return database.getCollection(FACTS);
    }
}
