package dev.cdm.stores.readside;

import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Optional;

/**
 * The aggregation the Java driver sends for {@code countDocuments}: {@code [{$match: filter}, {$skip: n}?,
 * {$limit: n}?, {$group: {_id: 1, n: {$sum: 1}}}]}. The library runs every aggregation over the whole collection
 * held in memory, so such a count is answered by {@link ReadSideCollection#count(Document, int, int)} instead.
 */
record CountPipeline(String collection, Document filter, int skip, int limit) {

    private static final Document GROUP_COUNT = new Document("_id", 1).append("n", new Document("$sum", 1));

    /** The count that {@code command} (an {@code aggregate} command) asks for; empty for any other aggregation. */
    static Optional<CountPipeline> of(Document command) {
        if (!(command.get("aggregate") instanceof String collection)
                || !(command.get("pipeline") instanceof List<?> stages)
                || stages.size() < 2 || stages.size() > 4
                || !(stage(stages.get(0), "$match") instanceof Document filter)
                || !GROUP_COUNT.equals(stage(stages.get(stages.size() - 1), "$group"))) {
            return Optional.empty();
        }
        int skip = 0;
        int limit = 0;
        for (Object middle : stages.subList(1, stages.size() - 1)) {
            if (stage(middle, "$skip") instanceof Number n && skip == 0 && limit == 0 && n.longValue() >= 0) {
                skip = (int) Math.min(n.longValue(), Integer.MAX_VALUE);
            } else if (stage(middle, "$limit") instanceof Number n && limit == 0 && n.longValue() > 0) {
                limit = (int) Math.min(n.longValue(), Integer.MAX_VALUE);
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(new CountPipeline(collection, filter, skip, limit));
    }

    /** The argument of {@code stage} when it is exactly {@code {name: argument}}, else null. */
    private static Object stage(Object stage, String name) {
        return stage instanceof Document document && document.size() == 1 ? document.get(name) : null;
    }

    /** The reply MongoDB gives: one {@code {_id: 1, n: count}}, or no document when nothing matches. */
    Document reply(String namespace, int count) {
        List<Document> batch = count == 0 ? List.of() : List.of(new Document("_id", 1).append("n", count));
        Document reply = new Document("cursor", new Document("id", 0L).append("ns", namespace)
                .append("firstBatch", batch));
        Utils.markOkay(reply);
        return reply;
    }
}
