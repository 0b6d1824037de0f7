package dev.cdm.profile.query;

import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.profile.api.LinkedRecordView;
import dev.cdm.profile.api.ProfileView;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/** Maps profile views to MongoDB documents and back. */
final class ProfileDocuments {

    private ProfileDocuments() {
    }

    static Document toDocument(ProfileView view) {
        return new Document("_id", view.profileId())
                .append("person", person(view.person()))
                .append("records", view.records().stream().map(ProfileDocuments::record).toList())
                .append("createdAt", Date.from(view.createdAt()))
                .append("updatedAt", Date.from(view.updatedAt()))
                .append("version", view.version());
    }

    static ProfileView toView(Document doc) {
        List<LinkedRecordView> records = doc.getList("records", Document.class).stream()
                .map(ProfileDocuments::record)
                .toList();
        return new ProfileView(doc.getString("_id"), person(doc.get("person", Document.class)), records,
                doc.getDate("createdAt").toInstant(), doc.getDate("updatedAt").toInstant(), doc.getLong("version"));
    }

    private static Document record(LinkedRecordView record) {
        return new Document("source", record.key().source())
                .append("sourceRecordId", record.key().sourceRecordId())
                .append("person", person(record.person()))
                .append("receivedAt", Date.from(record.receivedAt()));
    }

    private static LinkedRecordView record(Document doc) {
        return new LinkedRecordView(new SourceRecordKey(doc.getString("source"), doc.getString("sourceRecordId")),
                person(doc.get("person", Document.class)), doc.getDate("receivedAt").toInstant());
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
        return doc;
    }

    private static PersonData person(Document doc) {
        String birthDate = doc.getString("birthDate");
        return new PersonData(doc.getString("firstName"), doc.getString("lastName"), doc.getString("email"),
                doc.getString("phone"), birthDate == null ? null : LocalDate.parse(birthDate),
                doc.getString("address"), doc.getString("country"));
    }

    private static void putIfPresent(Document doc, String key, Object value) {
        if (value != null) {
            doc.append(key, value);
        }
    }
}
