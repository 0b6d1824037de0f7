package dev.cdm.analytics.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.cdm.kernel.projection.DocumentBatch;
import dev.cdm.kernel.projection.ReadModelStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Collection;
import java.util.Optional;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** MongoDB storage of the {@code profile_facts} collection: one document per profile, keyed by its id. */
@ApplicationScoped
public class ProfileFactsRepository {

    static final String FACTS = "profile_facts";
    public static final List<String> COLLECTIONS = List.of(FACTS);

    private final ReadModelStore store;

    @Inject
    ProfileFactsRepository(MongoClient mongo, @ConfigProperty(name = "cdm.mongodb.database") String database) {
        this(mongo.getDatabase(database));
    }

    ProfileFactsRepository(MongoDatabase database) {
        this(ReadModelStore.live(database));
    }

    private ProfileFactsRepository(ReadModelStore store) {
        this.store = store;
    }

    /** The same read model in the collections a rebuild fills. */
    public ProfileFactsRepository rebuilding() {
        return new ProfileFactsRepository(store.rebuild());
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
        return store.collection(FACTS);
    }
}
