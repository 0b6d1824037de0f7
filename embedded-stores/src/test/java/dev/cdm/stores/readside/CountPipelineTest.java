package dev.cdm.stores.readside;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountPipelineTest {

    private static final Document FILTER = new Document("active", true);

    /** The stages as the Java driver's countDocuments builds them. */
    private static Document countCommand(Document... middle) {
        List<Document> stages = new ArrayList<>();
        stages.add(new Document("$match", FILTER));
        stages.addAll(List.of(middle));
        stages.add(new Document("$group", new Document("_id", 1).append("n", new Document("$sum", 1))));
        return new Document("aggregate", "facts").append("pipeline", stages).append("cursor", new Document());
    }

    @Test
    void theDriversCountDocuments_isRecognized_withItsSkipAndLimit() {
        assertThat(CountPipeline.of(countCommand())).contains(new CountPipeline("facts", FILTER, 0, 0));
        assertThat(CountPipeline.of(countCommand(new Document("$skip", 5), new Document("$limit", 10L))))
                .contains(new CountPipeline("facts", FILTER, 5, 10));
    }

    @Test
    void anyOtherAggregation_isLeftToTheLibrary() {
        Document groupByField = countCommand();
        groupByField.put("pipeline", List.of(new Document("$match", FILTER),
                new Document("$group", new Document("_id", "$country").append("n", new Document("$sum", 1)))));
        Document sortFirst = countCommand(new Document("$sort", new Document("n", 1)));
        Document limitBeforeSkip = countCommand(new Document("$limit", 10), new Document("$skip", 5));
        Document onAView = countCommand();
        onAView.put("aggregate", 1);

        assertThat(CountPipeline.of(groupByField)).isEmpty();
        assertThat(CountPipeline.of(sortFirst)).isEmpty();
        assertThat(CountPipeline.of(limitBeforeSkip)).isEmpty();
        assertThat(CountPipeline.of(onAView)).isEmpty();
    }

    @Test
    void theReply_isOneGroupOrNone_asMongoDbAnswers() {
        CountPipeline count = new CountPipeline("facts", FILTER, 0, 0);

        assertThat(count.reply("db.facts", 3).get("cursor")).isEqualTo(new Document("id", 0L).append("ns", "db.facts")
                .append("firstBatch", List.of(new Document("_id", 1).append("n", 3))));
        assertThat(((Document) count.reply("db.facts", 0).get("cursor")).get("firstBatch")).isEqualTo(List.of());
    }
}
