package dev.cdm.analytics.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.cdm.kernel.projection.DocumentBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
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

    /** A write buffer for one projection batch, holding the facts of {@code prefetch} already. */
    DocumentBatch<ProfileFacts> batch(Collection<String> prefetch) {
        return new DocumentBatch<>(facts(), ProfileFactsDocuments::toFacts, ProfileFactsDocuments::toDocument,
                prefetch);
    }

    void dropAll() {
        facts().drop();
    }

    private MongoCollection<Document> facts() {
        return database.getCollection(FACTS);
    }
}
