package dev.cdm.analytics.query;

import dev.cdm.kernel.events.SourceRecordKey;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * Maps profile facts to {@code profile_facts} documents and back. The document carries the derived {@code sources}
 * and {@code country} that the counts group by; {@code receivedAt} is stored as the profile view stores it.
 */
final class ProfileFactsDocuments {

    private ProfileFactsDocuments() {
    }

    static Document toDocument(ProfileFacts facts) {
        return new Document("_id", facts.profileId())
                .append("sources", facts.sources())
                .append("country", facts.country())
                .append("records", facts.records().stream().map(ProfileFactsDocuments::record).toList())
                .append("version", facts.version())
                .append("retired", facts.retired())
                .append("restricted", facts.restricted());
    }

    static ProfileFacts toFacts(Document doc) {
        List<RecordFact> records = doc.getList("records", Document.class).stream()
                .map(ProfileFactsDocuments::record)
                .toList();
        return new ProfileFacts(doc.getString("_id"), records, doc.getLong("version"),
                doc.getBoolean("retired", false), doc.getBoolean("restricted", false));
    }

    private static Document record(RecordFact record) {
        Document doc = new Document("source", record.key().source())
                .append("sourceRecordId", record.key().sourceRecordId());
        if (record.country() != null) {
            doc.append("country", record.country());
        }
        return doc.append("receivedAt", Date.from(record.receivedAt()));
    }

    private static RecordFact record(Document doc) {
        return new RecordFact(new SourceRecordKey(doc.getString("source"), doc.getString("sourceRecordId")),
                doc.getString("country"), doc.getDate("receivedAt").toInstant());
    }
}
