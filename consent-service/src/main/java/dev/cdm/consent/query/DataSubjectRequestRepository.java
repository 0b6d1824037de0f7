package dev.cdm.consent.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.cdm.consent.api.DataSubjectRequestView;
import dev.cdm.consent.api.DataSubjectRequestView.Acknowledgement;
import dev.cdm.consent.api.DataSubjectRequestView.Type;
import dev.cdm.kernel.events.ErasureAcknowledgedEvent.PurgedStore;
import dev.cdm.kernel.events.Regulation;
import dev.cdm.kernel.projection.ReadModelStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * MongoDB storage of data-subject requests: {@code data_subject_requests}, one document per request keyed by its
 * id. Every write sets fields, so an event applied again changes nothing. No personal data: ids and times only.
 */
@ApplicationScoped
public class DataSubjectRequestRepository {

    static final String REQUESTS = "data_subject_requests";
    public static final List<String> COLLECTIONS = List.of(REQUESTS);
    static final int MAX_LISTED = 1000;

    private final ReadModelStore store;

    @Inject
    DataSubjectRequestRepository(MongoClient mongo, @ConfigProperty(name = "cdm.mongodb.database") String database) {
        this(mongo.getDatabase(database));
    }

    DataSubjectRequestRepository(MongoDatabase database) {
        this(ReadModelStore.live(database));
    }

    private DataSubjectRequestRepository(ReadModelStore store) {
        this.store = store;
    }

    /** The same read model in the collections a rebuild fills. */
    public DataSubjectRequestRepository rebuilding() {
        return new DataSubjectRequestRepository(store.rebuild());
    }

    public Optional<DataSubjectRequestView> find(String requestId) {
        return Optional.ofNullable(requests().find(Filters.eq("_id", requestId)).first()).map(this::toView);
    }

    /** The erasure of this profile that has not completed yet, if one was requested. */
    public Optional<DataSubjectRequestView> openErasureOf(String profileId) {
        // documents written before requests had a type are erasures
        return Optional.ofNullable(requests().find(Filters.and(Filters.eq("profileId", profileId),
                Filters.nin("type", Type.RESTRICTION.name(), Type.EXPORT.name(), Type.RECTIFICATION.name()),
                Filters.exists("completedAt", false))).first()).map(this::toView);
    }

    /** The restriction of this profile that is in force, if one is. */
    public Optional<DataSubjectRequestView> restrictionInForceOf(String profileId) {
        return Optional.ofNullable(requests().find(Filters.and(Filters.eq("profileId", profileId),
                Filters.eq("type", Type.RESTRICTION.name()), Filters.exists("restrictedAt", true),
                Filters.exists("liftedAt", false))).first()).map(this::toView);
    }

    /** Every request about these profiles, the earliest first. */
    public List<DataSubjectRequestView> about(List<String> profileIds) {
        return requests().find(Filters.or(Filters.in("profileId", profileIds),
                        Filters.in("mergedProfileIds", profileIds)))
                .sort(Sorts.ascending("requestedAt")).limit(MAX_LISTED).map(this::toView).into(new ArrayList<>());
    }

    /** The most recent requests first; with {@code overdueOnly}, those past their deadline and not answered. */
    public List<DataSubjectRequestView> list(boolean overdueOnly, Instant now, int limit) {
        Bson filter = overdueOnly ? Filters.and(Filters.exists("fulfilledAt", false),
                Filters.lt("dueAt", Date.from(now))) : new Document();
        return requests().find(filter).sort(Sorts.descending("requestedAt")).limit(Math.min(limit, MAX_LISTED))
                .map(this::toView).into(new ArrayList<>());
    }

    void requested(String requestId, Type type, Regulation regulation, String profileId,
                   List<String> mergedProfileIds, int recordCount, String requestedBy, Instant requestedAt,
                   Instant dueAt) {
        requests().updateOne(Filters.eq("_id", requestId), Updates.combine(
                        Updates.set("type", type.name()),
                        Updates.set("regulation", regulation.name()),
                        Updates.set("profileId", profileId),
                        Updates.set("mergedProfileIds", mergedProfileIds),
                        Updates.set("recordCount", recordCount),
                        Updates.set("requestedBy", requestedBy),
                        Updates.set("requestedAt", Date.from(requestedAt)),
                        Updates.set("dueAt", Date.from(dueAt))),
                new UpdateOptions().upsert(true));
    }

    void keysDestroyed(String requestId, List<String> keyIds, Instant destroyedAt) {
        requests().updateOne(Filters.eq("_id", requestId), Updates.combine(
                Updates.set("destroyedKeyIds", keyIds),
                Updates.set("keysDestroyedAt", Date.from(destroyedAt))));
    }

    void acknowledged(String requestId, String service, List<PurgedStore> purged, Instant at) {
        List<Document> stores = purged.stream()
                .map(store -> new Document("store", store.store()).append("removed", store.removed()))
                .toList();
        // the first acknowledgement counts: one repeated by a replay must not change the evidence
        requests().updateOne(Filters.and(Filters.eq("_id", requestId),
                Filters.exists("acknowledgements." + service, false)), Updates.set("acknowledgements." + service,
                new Document("purged", stores).append("acknowledgedAt", Date.from(at))));
    }

    void completed(String requestId, Instant completedAt, String evidenceSha256) {
        requests().updateOne(Filters.eq("_id", requestId), Updates.combine(
                Updates.set("completedAt", Date.from(completedAt)),
                Updates.set("fulfilledAt", Date.from(completedAt)),
                Updates.set("evidenceSha256", evidenceSha256)));
    }

    void restricted(String requestId, Instant restrictedAt) {
        requests().updateOne(Filters.eq("_id", requestId), Updates.combine(
                Updates.set("restrictedAt", Date.from(restrictedAt)),
                Updates.set("fulfilledAt", Date.from(restrictedAt))));
    }

    void lifted(String requestId, String liftedBy, Instant liftedAt) {
        requests().updateOne(Filters.eq("_id", requestId), Updates.combine(
                Updates.set("liftedAt", Date.from(liftedAt)),
                Updates.set("liftedBy", liftedBy)));
    }

    void rectificationRequested(String requestId, List<String> fields) {
        requests().updateOne(Filters.eq("_id", requestId), Updates.set("correctedFields", fields));
    }

    void rectified(String requestId, Instant rectifiedAt) {
        requests().updateOne(Filters.eq("_id", requestId), Updates.combine(
                Updates.set("completedAt", Date.from(rectifiedAt)),
                Updates.set("fulfilledAt", Date.from(rectifiedAt))));
    }

    void exported(String requestId, Instant exportedAt, String contentSha256, long contentBytes) {
        completed(requestId, exportedAt, contentSha256);
        requests().updateOne(Filters.eq("_id", requestId), Updates.set("contentBytes", contentBytes));
    }

    void dropAll() {
        requests().drop();
    }

    private DataSubjectRequestView toView(Document doc) {
        Map<String, Acknowledgement> acknowledgements = new LinkedHashMap<>();
        Document acks = doc.get("acknowledgements", Document.class);
        if (acks != null) {
            acks.forEach((service, value) -> {
                Document ack = (Document) value;
                List<PurgedStore> purged = ack.getList("purged", Document.class).stream()
                        .map(store -> new PurgedStore(store.getString("store"), store.getLong("removed")))
                        .toList();
                acknowledgements.put(service, new Acknowledgement(purged, instant(ack, "acknowledgedAt")));
            });
        }
        return new DataSubjectRequestView(doc.getString("_id"), doc.getString("profileId"),
                doc.getList("mergedProfileIds", String.class), doc.getInteger("recordCount", 0),
                doc.getString("requestedBy"), instant(doc, "requestedAt"), instant(doc, "dueAt"),
                doc.getList("destroyedKeyIds", String.class), instant(doc, "keysDestroyedAt"), acknowledgements,
                instant(doc, "completedAt"), doc.getString("evidenceSha256"),
                doc.getString("type") == null ? Type.ERASURE : Type.valueOf(doc.getString("type")),
                doc.getString("regulation") == null ? Regulation.GDPR
                        : Regulation.valueOf(doc.getString("regulation")),
                instant(doc, "restrictedAt"), instant(doc, "liftedAt"), doc.getString("liftedBy"),
                doc.get("contentBytes", Number.class) == null ? 0 : doc.get("contentBytes", Number.class).longValue(),
                doc.getList("correctedFields", String.class, List.of()));
    }

    private static Instant instant(Document doc, String field) {
        Date date = doc.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private MongoCollection<Document> requests() {
        return store.collection(REQUESTS);
    }
}
