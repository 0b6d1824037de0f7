package dev.cdm.profile.query;

import dev.cdm.profile.activity.ActivityDocuments;
import dev.cdm.kernel.events.LinkDecision;
import dev.cdm.kernel.events.LinkDecision.FieldEvidence;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.profile.api.LinkedRecordView;
import dev.cdm.profile.api.ProfileView;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bson.Document;

/** Maps profile views to MongoDB documents and back. */
final class ProfileDocuments {

    private ProfileDocuments() {
    }

    /** The view's document, with the keys it is searched by when it has any. */
    static Document toDocument(ProfileView view, Optional<SearchKeys> search) {
        Document doc = new Document("_id", view.profileId())
                .append("records", view.records().stream().map(ProfileDocuments::record).toList())
                .append("createdAt", Date.from(view.createdAt()))
                .append("updatedAt", Date.from(view.updatedAt()))
                .append("version", view.version())
                .append("mergedProfileIds", view.mergedProfileIds())
                .append("keptApartFrom", view.keptApartFrom());
        putIfPresent(doc, "mergedInto", view.mergedInto());
        search.ifPresent(keys -> doc.append(SearchKeys.FIELD, keys.toDocument()));
        return doc;
    }

    static ProfileView toView(Document doc) {
        List<LinkedRecordView> records = doc.getList("records", Document.class).stream()
                .map(ProfileDocuments::record)
                .toList();
        return new ProfileView(doc.getString("_id"), records,
                doc.getDate("createdAt").toInstant(), doc.getDate("updatedAt").toInstant(), doc.getLong("version"),
                doc.getString("mergedInto"), doc.getList("mergedProfileIds", String.class, List.of()),
                doc.getList("keptApartFrom", String.class, List.of()));
    }

    private static Document record(LinkedRecordView record) {
        Document doc = new Document("source", record.key().source())
                .append("sourceRecordId", record.key().sourceRecordId())
                .append("person", person(record.person()))
                .append("receivedAt", Date.from(record.receivedAt()))
                .append("decision", decision(record.decision()));
        if (!record.activities().isEmpty()) {
            doc.append("activities", record.activities().stream().map(ActivityDocuments::toDocument).toList());
        }
        return doc;
    }

    /**
     * A record as stored; one without a decision was written from a revision 1 link before the upcaster existed
     * and reads as the upcaster would have made it (founding) until a replay of the view rewrites it.
     */
    private static LinkedRecordView record(Document doc) {
        Document decision = doc.get("decision", Document.class);
        return new LinkedRecordView(key(doc), person(doc.get("person", Document.class)),
                doc.getDate("receivedAt").toInstant(), decision == null ? LinkDecision.founding() : decision(decision),
                doc.getList("activities", Document.class, List.of()).stream()
                        .map(ActivityDocuments::toActivity).toList());
    }

    private static SourceRecordKey key(Document doc) {
        return new SourceRecordKey(doc.getString("source"), doc.getString("sourceRecordId"));
    }

    private static Document decision(LinkDecision decision) {
        Document doc = new Document("rule", decision.rule())
                .append("score", decision.score())
                .append("evidence", decision.evidence().stream()
                        .map(e -> new Document("field", e.field()).append("outcome", e.outcome())
                                .append("weight", e.weight()))
                        .toList());
        if (decision.matchedRecord() != null) {
            doc.append("matched", new Document("source", decision.matchedRecord().source())
                    .append("sourceRecordId", decision.matchedRecord().sourceRecordId()));
        }
        putIfPresent(doc, "fromProfileId", decision.fromProfileId());
        putIfPresent(doc, "note", decision.note());
        return doc;
    }

    private static LinkDecision decision(Document doc) {
        Document matched = doc.get("matched", Document.class);
        List<FieldEvidence> evidence = doc.getList("evidence", Document.class, List.of()).stream()
                .map(e -> new FieldEvidence(e.getString("field"), e.getString("outcome"), e.getDouble("weight")))
                .toList();
        return new LinkDecision(doc.getString("rule"), matched == null ? null : key(matched), doc.getDouble("score"),
                evidence, doc.getString("fromProfileId"), doc.getString("note"));
    }

    private static Document person(PersonData person) {
        Document doc = new Document();
        putIfPresent(doc, "firstName", person.firstName());
        putIfPresent(doc, "lastName", person.lastName());
        putIfPresent(doc, "email", person.email());
        putIfPresent(doc, "phone", person.phone());
        putIfPresent(doc, "birthDate", person.birthDate() == null ? null : person.birthDate().toString());
        putIfPresent(doc, "address", person.address());
        putIfPresent(doc, "country", person.country());
        putIfPresent(doc, "postalCode", person.postalCode());
        putIfPresent(doc, "locality", person.locality());
        putIfPresent(doc, "region", person.region());
        putMapIfPresent(doc, "externalIds", person.externalIds());
        putMapIfPresent(doc, "originals", person.originals());
        putMapIfPresent(doc, "invalid", person.invalid());
        return doc;
    }

    private static PersonData person(Document doc) {
        String birthDate = doc.getString("birthDate");
        return new PersonData(doc.getString("firstName"), doc.getString("lastName"), doc.getString("email"),
                doc.getString("phone"), birthDate == null ? null : LocalDate.parse(birthDate),
                doc.getString("address"), doc.getString("country"), doc.getString("postalCode"),
                doc.getString("locality"), doc.getString("region"), map(doc, "externalIds"), map(doc, "originals"),
                map(doc, "invalid"));
    }

    private static void putIfPresent(Document doc, String key, Object value) {
        if (value != null) {
            doc.append(key, value);
        }
    }

    private static void putMapIfPresent(Document doc, String key, Map<String, String> values) {
        if (!values.isEmpty()) {
            doc.append(key, new Document(new TreeMap<String, Object>(values)));
        }
    }

    private static Map<String, String> map(Document doc, String key) {
        Document values = doc.get(key, Document.class);
        Map<String, String> result = new TreeMap<>();
        if (values != null) {
            values.forEach((k, v) -> result.put(k, (String) v));
        }
        return result;
    }
}
