package dev.cdm.ingestion.rejected;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateManyModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import dev.cdm.ingestion.api.RejectedRecord;
import dev.cdm.ingestion.api.StoredReject;
import dev.cdm.kernel.crypto.SuppressionKeys;
import dev.cdm.kernel.events.SourceRecordKey;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * MongoDB storage of refused records: {@code rejected_records}, one document per record ({@code _id} = the reject
 * id, derived from the record's key), so a record refused again replaces its reasons and counts the attempt instead
 * of piling up, and accepting a record resolves its reject with one {@code _id}-keyed update and no query.
 * Holds submitted personal data under {@code person}: this collection is an erasable path, purged by record key
 * and by the keyed HMACs of the subject's identifiers.
 */
@ApplicationScoped
public class RejectedRecordRepository {

    public static final String COLLECTION = "rejected_records";
    static final String RESOLVED_AT = "resolvedAt";
    static final String REJECTED_AT = "rejectedAt";
    private static final Logger LOG = Logger.getLogger(RejectedRecordRepository.class);

    private final MongoCollection<Document> collection;
    private final SuppressionKeys identifierKeys;

    @Inject
    RejectedRecordRepository(MongoClient mongo, @ConfigProperty(name = "cdm.mongodb.database") String database,
                             SuppressionKeys identifierKeys) {
        this.collection = mongo.getDatabase(database).getCollection(COLLECTION);
        this.identifierKeys = identifierKeys;
    }

    /** Indexes for {@link #list} (newest first, optionally per source); the store works without them. */
    void createIndexes(@Observes StartupEvent started) {
        try {
            collection.createIndex(Indexes.compoundIndex(Indexes.descending(REJECTED_AT), Indexes.ascending("_id")));
            collection.createIndex(Indexes.compoundIndex(Indexes.ascending("source"),
                    Indexes.descending(REJECTED_AT), Indexes.ascending("_id")));
            collection.createIndex(Indexes.ascending(RejectDocuments.IDENTIFIER_KEYS));
        } catch (MongoException e) {
            LOG.warnf("Indexes of %s not created (listing rejects scans until they are): %s", COLLECTION,
                    e.getMessage());
        }
    }

    /** Keeps a refused record: a new reject, or the same one again with one more attempt (reopened if resolved). */
    public void store(RejectedRecord rejected) {
        collection.updateOne(Filters.eq("_id", rejected.id()), stored(rejected), new UpdateOptions().upsert(true));
    }

    /** Marks the reject resolved, if there is an open one. */
    public void resolve(String rejectId, Instant at) {
        collection.updateOne(Filters.and(Filters.eq("_id", rejectId), Filters.eq(RESOLVED_AT, null)),
                Updates.set(RESOLVED_AT, Date.from(at)));
    }

    /** Applies the changes of a batch in their order, in one round trip (resolves in a row become one update). */
    public void apply(List<RejectChange> changes, Instant at) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        List<String> resolved = new ArrayList<>();
        for (RejectChange change : changes) {
            if (change.rejected() == null) {
                resolved.add(change.resolvedId());
                continue;
            }
            addResolves(writes, resolved, at);
            writes.add(new UpdateOneModel<>(Filters.eq("_id", change.rejected().id()),
                    stored(change.rejected()), new UpdateOptions().upsert(true)));
        }
        addResolves(writes, resolved, at);
        if (!writes.isEmpty()) {
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(true));
        }
    }

    /**
     * Deletes the rejects of these source records and every reject that carries one of these identifier keys
     * (personal data as sent); returns how many there were.
     */
    public long purge(Collection<SourceRecordKey> records, Collection<String> identifierKeys) {
        return ofSubject(records, identifierKeys)
                .map(subject -> collection.deleteMany(subject).getDeletedCount()).orElse(0L);
    }

    /** The rejects of these records and those carrying one of these identifier keys, newest first. */
    public List<StoredReject> findOfSubject(Collection<SourceRecordKey> records, Collection<String> identifierKeys,
                                            int limit) {
        return ofSubject(records, identifierKeys).<List<StoredReject>>map(subject -> collection.find(subject)
                .sort(Sorts.orderBy(Sorts.descending(REJECTED_AT), Sorts.ascending("_id")))
                .limit(limit)
                .map(RejectDocuments::toStored)
                .into(new ArrayList<>())).orElse(List.of());
    }

    private static Optional<Bson> ofSubject(Collection<SourceRecordKey> records, Collection<String> identifierKeys) {
        List<Bson> matches = new ArrayList<>(records.stream()
                .map(key -> Filters.and(Filters.eq("source", key.source()),
                        Filters.eq("sourceRecordId", key.sourceRecordId())))
                .toList());
        if (!identifierKeys.isEmpty()) {
            matches.add(Filters.in(RejectDocuments.IDENTIFIER_KEYS, List.copyOf(identifierKeys)));
        }
        return matches.isEmpty() ? Optional.empty() : Optional.of(Filters.or(matches));
    }

    public Optional<StoredReject> find(String rejectId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", rejectId)).first())
                .map(RejectDocuments::toStored);
    }

    /** Rejects newest first, of one source (or all when {@code source} is empty), open ones unless told. */
    public List<StoredReject> list(String source, boolean includeResolved, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (!source.isEmpty()) {
            filters.add(Filters.eq("source", source));
        }
        if (!includeResolved) {
            filters.add(Filters.eq(RESOLVED_AT, null));
        }
        return collection.find(filters.isEmpty() ? new Document() : Filters.and(filters))
                .sort(Sorts.orderBy(Sorts.descending(REJECTED_AT), Sorts.ascending("_id")))
                .limit(limit)
                .map(RejectDocuments::toStored)
                .into(new ArrayList<>());
    }

    /** The ids of every open reject, oldest first. */
    public List<String> openIds() {
        return collection.find(Filters.eq(RESOLVED_AT, null))
                .projection(Projections.include("_id"))
                .sort(Sorts.ascending(REJECTED_AT))
                .map(document -> document.getString("_id"))
                .into(new ArrayList<>());
    }

    private Bson stored(RejectedRecord rejected) {
        Map<String, String> person = rejected.submittedPerson();
        return RejectDocuments.stored(rejected,
                identifierKeys.of(person.get("email"), person.get("phone"), person.get("country")));
    }

    private static void addResolves(List<WriteModel<Document>> writes, List<String> ids, Instant at) {
        if (!ids.isEmpty()) {
            writes.add(new UpdateManyModel<>(Filters.and(Filters.in("_id", List.copyOf(ids)),
                    Filters.eq(RESOLVED_AT, null)), Updates.set(RESOLVED_AT, Date.from(at))));
            ids.clear();
        }
    }
}
