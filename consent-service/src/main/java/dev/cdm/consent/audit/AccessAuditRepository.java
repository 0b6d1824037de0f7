package dev.cdm.consent.audit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * MongoDB storage of the access audit read model: {@code access_audit}, one document per audited access keyed by
 * its event's id (so a redelivered event is written once), indexed by subject and time.
 */
@ApplicationScoped
public class AccessAuditRepository {

    static final String COLLECTION = "access_audit";
    public static final int MAX_LISTED = 1000;

    private final MongoDatabase database;

    @Inject
    AccessAuditRepository(MongoClient mongo, @ConfigProperty(name = "cdm.mongodb.database") String database) {
        this(mongo.getDatabase(database));
    }

    AccessAuditRepository(MongoDatabase database) {
        this.database = database;
    }

    void createIndexes(@Observes StartupEvent started) {
        createIndex();
    }

    void save(String eventId, Document entry) {
        audit().replaceOne(Filters.eq("_id", eventId), entry.append("_id", eventId),
                new ReplaceOptions().upsert(true));
    }

    /** The subject's entries, newest first. */
    public List<Document> ofSubject(String subjectId, int limit) {
        return audit().find(Filters.eq("subject_id", subjectId)).sort(Sorts.orderBy(Sorts.descending("at"),
                Sorts.descending("_id"))).limit(Math.min(limit, MAX_LISTED)).into(new ArrayList<>());
    }

    void dropAll() {
        audit().drop();
        createIndex();
    }

    private void createIndex() {
        audit().createIndex(Indexes.compoundIndex(Indexes.ascending("subject_id"), Indexes.descending("at")));
    }

    private MongoCollection<Document> audit() {
        return database.getCollection(COLLECTION);
    }
}
