package dev.cdm.ingestion.rejected;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.cdm.ingestion.api.RejectedRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Date;
import java.util.TreeMap;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * MongoDB storage of refused records: {@code rejected_records}, one document per record ({@code _id} = the
 * rejection id), so a record refused again replaces its reasons and counts the attempt instead of piling up.
 * Holds submitted personal data: this collection is an erasable path.
 */
@ApplicationScoped
public class RejectedRecordRepository {

    public static final String COLLECTION = "rejected_records";

    private final MongoCollection<Document> collection;

    @Inject
    RejectedRecordRepository(MongoClient mongo, @ConfigProperty(name = "cdm.mongodb.database") String database) {
        this.collection = mongo.getDatabase(database).getCollection(COLLECTION);
    }

    public void store(RejectedRecord rejected) {
        Date at = Date.from(rejected.rejectedAt());
        collection.updateOne(Filters.eq("_id", rejected.id()), Updates.combine(
                        Updates.set("source", rejected.source()),
                        Updates.set("sourceRecordId", rejected.sourceRecordId()),
                        Updates.set("rejectedBy", rejected.rejectedBy().name()),
                        Updates.set("reasons", rejected.reasons().stream()
                                .map(r -> new Document("field", r.field()).append("description", r.description()))
                                .toList()),
                        Updates.set("person", new Document(new TreeMap<String, Object>(rejected.submittedPerson()))),
                        Updates.set("rejectedAt", at),
                        Updates.setOnInsert("firstRejectedAt", at),
                        Updates.inc("attempts", 1)),
                new UpdateOptions().upsert(true));
    }
}
