package dev.cdm.consent.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.cdm.consent.api.SubjectConsentsView;
import dev.cdm.kernel.projection.ReadModelStore;
import dev.cdm.kernel.projection.VersionedDocuments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * MongoDB storage of the consent read model: {@code consents}, one document per data subject keyed by its id, so
 * that every query is a lookup by {@code _id}.
 */
@ApplicationScoped
public class ConsentViewRepository {

    static final String CONSENTS = "consents";
    public static final List<String> COLLECTIONS = List.of(CONSENTS);

    private final ReadModelStore store;

    @Inject
    ConsentViewRepository(MongoClient mongo, @ConfigProperty(name = "cdm.mongodb.database") String database) {
        this(mongo.getDatabase(database));
    }

    ConsentViewRepository(MongoDatabase database) {
        this(ReadModelStore.live(database));
    }

    private ConsentViewRepository(ReadModelStore store) {
        this.store = store;
    }

    /** The same read model in the collections a rebuild fills. */
    public ConsentViewRepository rebuilding() {
        return new ConsentViewRepository(store.rebuild());
    }

    public Optional<SubjectConsentsView> find(String subjectId) {
        return Optional.ofNullable(consents().find(Filters.eq("_id", subjectId)).first())
                .map(ConsentDocuments::toView);
    }

    /** Stores the subject's decisions unless the stored ones already reflect {@code view.version()} or later. */
    void saveIfNewer(SubjectConsentsView view) {
        VersionedDocuments.saveIfNewer(consents(), view.subjectId(), view.version(),
                ConsentDocuments.toDocument(view));
    }

    void dropAll() {
        consents().drop();
    }

    private MongoCollection<Document> consents() {
        return store.collection(CONSENTS);
    }
}
