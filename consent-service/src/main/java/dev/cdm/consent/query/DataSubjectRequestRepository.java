package dev.cdm.consent.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.cdm.consent.api.DataSubjectRequestView;
import dev.cdm.consent.api.DataSubjectRequestView.Acknowledgement;
import dev.cdm.kernel.events.ErasureAcknowledgedEvent.PurgedStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * MongoDB storage of data-subject requests: {@code data_subject_requests}, one document per request keyed by its
 * id. Every write sets fields, so an event applied again changes nothing. No personal data: ids and times only.
 */
@ApplicationScoped
public class DataSubjectRequestRepository {

    static final String REQUESTS = "data_subject_requests";

    private final MongoDatabase database;

    @Inject
    DataSubjectRequestRepository(MongoClient mongo, @ConfigProperty(name = "cdm.mongodb.database") String database) {
        this(mongo.getDatabase(database));
    }

    DataSubjectRequestRepository(MongoDatabase database) {
        this.database = database;
    }

    public Optional<DataSubjectRequestView> find(String requestId) {
        return Optional.ofNullable(requests().find(Filters.eq("_id", requestId)).first()).map(this::toView);
    }

    /** The erasure of this profile that has not completed yet, if one was requested. */
    public Optional<DataSubjectRequestView> openErasureOf(String profileId) {
        return Optional.ofNullable(requests().find(Filters.and(Filters.eq("profileId", profileId),
                Filters.exists("completedAt", false))).first()).map(this::toView);
    }

    void requested(String requestId, String profileId, List<String> mergedProfileIds, int recordCount,
                   String requestedBy, Instant requestedAt, Instant dueAt) {
        requests().updateOne(Filters.eq("_id", requestId), Updates.combine(
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
                Updates.set("evidenceSha256", evidenceSha256)));
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
                instant(doc, "completedAt"), doc.getString("evidenceSha256"));
    }

    private static Instant instant(Document doc, String field) {
        Date date = doc.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private MongoCollection<Document> requests() {
        return database.getCollection(REQUESTS);
    }
}
