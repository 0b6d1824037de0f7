package dev.cdm.analytics.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.cdm.analytics.api.CountView;
import dev.cdm.analytics.api.ProfileCountsView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts the profiles in {@code profile_facts} that were not merged away and are not restricted, grouped in MongoDB: in total, per source
 * and per current country.
 */
@ApplicationScoped
public class ProfileCountsRepository {

    /** Profiles merged into another one are not counted, nor those whose processing is restricted. */
    private static final Bson ACTIVE = Filters.and(Filters.ne("retired", true), Filters.ne("restricted", true));
    private static final Bson BY_COUNT_THEN_KEY = Sorts.orderBy(Sorts.descending("count"), Sorts.ascending("_id"));

    private final MongoDatabase database;

    @Inject
    ProfileCountsRepository(MongoClient mongo, @ConfigProperty(name = "cdm.mongodb.database") String database) {
        this(mongo.getDatabase(database));
    }

    ProfileCountsRepository(MongoDatabase database) {
        this.database = database;
    }

    public ProfileCountsView counts() {
        long total = facts().countDocuments(ACTIVE);
        List<CountView> bySource = grouped(Aggregates.match(ACTIVE), Aggregates.unwind("$sources"),
                Aggregates.group("$sources", Accumulators.sum("count", 1)));
        List<CountView> byCountry = grouped(Aggregates.match(ACTIVE),
                Aggregates.group("$country", Accumulators.sum("count", 1)));
        return new ProfileCountsView(total, bySource, byCountry);
    }

    private List<CountView> grouped(Bson... stages) {
        List<Bson> pipeline = new ArrayList<>(List.of(stages));
        pipeline.add(Aggregates.sort(BY_COUNT_THEN_KEY));
        List<CountView> counts = new ArrayList<>();
        for (Document group : facts().aggregate(pipeline)) {
            String key = Objects.toString(group.get("_id"), "");
            counts.add(new CountView(key, group.get("count", Number.class).longValue()));
        }
        return counts;
    }

    private MongoCollection<Document> facts() {
        return database.getCollection(ProfileFactsRepository.FACTS);
    }
}
