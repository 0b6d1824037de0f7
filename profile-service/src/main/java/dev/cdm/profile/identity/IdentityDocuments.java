package dev.cdm.profile.identity;

import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.matching.MatchRecord;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bson.Document;

/** Maps the match index to MongoDB documents and back. */
final class IdentityDocuments {

    /** Separates source and record id in a route's {@code _id}; field validation refuses control characters. */
    private static final String SEPARATOR = "\u001f";

    private IdentityDocuments() {
    }

    static String routeId(SourceRecordKey key) {
        return key.source() + SEPARATOR + key.sourceRecordId();
    }

    static Document route(SourceRecordKey key, String profileId) {
        return new Document("_id", routeId(key)).append("source", key.source())
                .append("recordId", key.sourceRecordId()).append("profileId", profileId);
    }

    static SourceRecordKey routeKey(Document route) {
        return new SourceRecordKey(route.getString("source"), route.getString("recordId"));
    }

    static Document profile(IndexedProfile profile) {
        Document doc = new Document("_id", profile.profileId())
                .append("version", profile.version())
                .append("keptApartFrom", List.copyOf(profile.keptApartFrom()));
        if (profile.restricted()) {
            doc.append("restricted", true);
        }
        return doc.append("records", profile.records().stream().map(IdentityDocuments::record).toList());
    }

    static IndexedProfile profile(Document doc) {
        IndexedProfile profile = new IndexedProfile(doc.getString("_id"), doc.getLong("version"));
        doc.getList("keptApartFrom", String.class, List.of()).forEach(profile::keepApartFrom);
        profile.restricted(doc.getBoolean("restricted", false));
        doc.getList("records", Document.class, List.of()).forEach(r -> profile.put(record(r)));
        return profile;
    }

    private static Document record(IndexedRecord record) {
        MatchRecord m = record.match();
        Document doc = new Document("source", record.key().source())
                .append("recordId", record.key().sourceRecordId());
        put(doc, "givenName", m.givenName());
        put(doc, "surname", m.surname());
        put(doc, "birthDate", m.birthDate());
        if (!m.addressLines().isEmpty()) {
            doc.append("addressLines", m.addressLines());
        }
        put(doc, "postcode", m.postcode());
        put(doc, "locality", m.locality());
        put(doc, "state", m.state());
        put(doc, "country", m.country());
        put(doc, "email", m.email());
        put(doc, "phone", m.phone());
        if (!m.externalIds().isEmpty()) {
            doc.append("externalIds", new Document(new TreeMap<String, Object>(m.externalIds())));
        }
        return doc.append("keys", List.copyOf(new TreeSet<>(record.blockingKeys()))); // one order, live or replayed
    }

    private static IndexedRecord record(Document doc) {
        Document ids = doc.get("externalIds", Document.class);
        Map<String, String> externalIds = new TreeMap<>();
        if (ids != null) {
            ids.forEach((type, value) -> externalIds.put(type, (String) value));
        }
        MatchRecord match = new MatchRecord(doc.getString("givenName"), doc.getString("surname"),
                doc.getString("birthDate"), doc.getList("addressLines", String.class, List.of()),
                doc.getString("postcode"), doc.getString("locality"), doc.getString("state"), doc.getString("country"),
                doc.getString("email"), doc.getString("phone"), externalIds);
        return new IndexedRecord(new SourceRecordKey(doc.getString("source"), doc.getString("recordId")), match,
                new HashSet<>(doc.getList("keys", String.class, List.of())));
    }

    private static void put(Document doc, String key, String value) {
        if (value != null) {
            doc.append(key, value);
        }
    }
}
