package dev.cdm.consent.audit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import dev.cdm.kernel.projection.ReadModelStore;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * MongoDB storage of the access audit read model: {@code access_audit}, one document per audited access keyed by
 * its event's id (so a redelivered event is written once), indexed by subject and time, and by the records and
 * identifier keys of listed rejects.
 */
@ApplicationScoped
public class AccessAuditRepository {

    static final String COLLECTION = "access_audit";
    static final String SUBJECT_ID = "subject_id";
    static final String EVERY_SUBJECT = "every_subject";
    static final String RECORD_READ = "record_read";
    static final String RECORD_REFS = "record_refs";
    static final String IDENTIFIER_KEYS = "identifier_keys";
    public static final List<String> COLLECTIONS = List.of(COLLECTION);
    public static final int MAX_LISTED = 1000;

    private final ReadModelStore store;

    @Inject
    AccessAuditRepository(MongoClient mongo, @ConfigProperty(name = "cdm.mongodb.database") String database) {
        this(mongo.getDatabase(database));
    }

    AccessAuditRepository(MongoDatabase database) {
        this(ReadModelStore.live(database));
    }

    private AccessAuditRepository(ReadModelStore store) {
        this.store = store;
    }

    /** The same read model in the collections a rebuild fills. */
    public AccessAuditRepository rebuilding() {
        return new AccessAuditRepository(store.rebuild());
    }

    void createIndexes(@Observes StartupEvent started) {
        createIndex();
    }

    void save(String eventId, Document entry) {
        audit().replaceOne(Filters.eq("_id", eventId), entry.append("_id", eventId),
                new ReplaceOptions().upsert(true));
    }

    /**
     * The subject's entries, newest first: those under their id, and while they have a profile, the listings of
     * rejects that held one of their records or identifiers and the exports of every link.
     */
    public List<Document> of(AuditedSubject subject, int limit) {
        List<Bson> matches = new ArrayList<>(List.of(Filters.eq(SUBJECT_ID, subject.subjectId())));
        if (subject.hasProfile()) {
            matches.add(Filters.eq(EVERY_SUBJECT, true));
            if (!subject.recordRefs().isEmpty()) {
                matches.add(Filters.in(RECORD_REFS, subject.refsList()));
            }
            if (!subject.identifierKeys().isEmpty()) {
                matches.add(Filters.in(IDENTIFIER_KEYS, List.copyOf(subject.identifierKeys())));
            }
        }
        return audit().find(Filters.or(matches)).sort(Sorts.orderBy(Sorts.descending("at"),
                Sorts.descending("_id"))).limit(Math.min(limit, MAX_LISTED)).into(new ArrayList<>());
    }

    /** Whether the trail holds any read of records outside a profile (rejects, links). */
    public boolean holdsRecordReads() {
        return audit().find(Filters.eq(RECORD_READ, true)).limit(1).first() != null;
    }

    void dropAll() {
        audit().drop();
        createIndex();
    }

    private void createIndex() {
        audit().createIndex(Indexes.compoundIndex(Indexes.ascending(SUBJECT_ID), Indexes.descending("at")));
        audit().createIndex(Indexes.ascending(RECORD_REFS));
        audit().createIndex(Indexes.ascending(IDENTIFIER_KEYS));
        audit().createIndex(Indexes.ascending(RECORD_READ));
    }

    private MongoCollection<Document> audit() {
        return store.collection(COLLECTION);
    }
}
