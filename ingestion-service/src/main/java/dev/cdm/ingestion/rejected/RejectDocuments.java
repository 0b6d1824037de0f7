package dev.cdm.ingestion.rejected;

import com.mongodb.client.model.Updates;
import dev.cdm.ingestion.api.RejectedBy;
import dev.cdm.ingestion.api.RejectedRecord;
import dev.cdm.ingestion.api.RejectionReason;
import dev.cdm.ingestion.api.StoredReject;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The documents of {@code rejected_records}. {@code person} holds the submitted fields by proto field name and the
 * external ids as a list of {@code {type, value}} (types as submitted may be anything, so they are never keys).
 * {@code identifierKeys} are the keyed HMACs of its email and phone ({@code SuppressionKeys}): an erasure finds the
 * reject by them even when its record never reached the subject's profile.
 */
final class RejectDocuments {

    static final String EXTERNAL_IDS = "external_ids";
    static final String IDENTIFIER_KEYS = "identifierKeys";

    private RejectDocuments() {
    }

    /** Stores the record as the latest refusal of its reject, counting the attempt and reopening the reject. */
    static Bson stored(RejectedRecord rejected, List<String> identifierKeys) {
        Date at = Date.from(rejected.rejectedAt());
        return Updates.combine(
                Updates.set(IDENTIFIER_KEYS, identifierKeys),
                Updates.set("source", rejected.source()),
                Updates.set("sourceRecordId", rejected.sourceRecordId()),
                Updates.set("rejectedBy", rejected.rejectedBy().name()),
                Updates.set("reason", rejected.reason()),
                Updates.set("reasons", rejected.reasons().stream()
                        .map(r -> new Document("field", r.field()).append("description", r.description()))
                        .toList()),
                Updates.set("person", person(rejected)),
                Updates.set(RejectedRecordRepository.REJECTED_AT, at),
                Updates.setOnInsert("firstRejectedAt", at),
                Updates.inc("attempts", 1),
                Updates.unset(RejectedRecordRepository.RESOLVED_AT));
    }

    static StoredReject toStored(Document document) {
        List<RejectionReason> reasons = document.getList("reasons", Document.class, List.of()).stream()
                .map(r -> new RejectionReason(r.getString("field"), r.getString("description")))
                .toList();
        Document person = document.get("person", new Document());
        Map<String, String> fields = new TreeMap<>();
        Map<String, String> externalIds = new TreeMap<>();
        person.forEach((name, value) -> {
            if (value instanceof String text) {
                fields.put(name, text);
            }
        });
        person.getList(EXTERNAL_IDS, Document.class, List.of())
                .forEach(id -> externalIds.put(id.getString("type"), id.getString("value")));
        String reason = document.getString("reason");
        RejectedRecord rejected = new RejectedRecord(document.getString("_id"), document.getString("source"),
                document.getString("sourceRecordId"), RejectedBy.valueOf(document.getString("rejectedBy")),
                reason != null ? reason : RejectedRecord.summarize(reasons), reasons,
                document.getDate(RejectedRecordRepository.REJECTED_AT).toInstant(), fields, externalIds);
        Date resolvedAt = document.getDate(RejectedRecordRepository.RESOLVED_AT);
        return new StoredReject(rejected, document.getInteger("attempts", 1),
                resolvedAt == null ? null : resolvedAt.toInstant());
    }

    private static Document person(RejectedRecord rejected) {
        Document person = new Document(new TreeMap<String, Object>(rejected.submittedPerson()));
        if (!rejected.submittedExternalIds().isEmpty()) {
            person.append(EXTERNAL_IDS, new TreeMap<>(rejected.submittedExternalIds()).entrySet().stream()
                    .map(id -> new Document("type", id.getKey()).append("value", id.getValue()))
                    .toList());
        }
        return person;
    }
}
