package dev.cdm.testing;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;

/**
 * Every document of a projection's collections, sorted by {@code _id}. Taken of the read model maintained live and
 * again once a replay has rebuilt it, the two must be equal: {@link #differencesFrom} names what is not.
 *
 * @param collections each collection's documents, by collection name in the order asked for
 */
public record ReadModelSnapshot(Map<String, List<Document>> collections) {

    public ReadModelSnapshot {
        collections = Map.copyOf(collections);
    }

    /**
     * The documents of {@code collections} now. A field named in {@code unorderedLists} holds a set kept as a list
     * (a lookup list that segments rebuilding in parallel fill in another order than the live processor did), so
     * its values are sorted.
     */
    public static ReadModelSnapshot of(MongoDatabase database, List<String> collections, String... unorderedLists) {
        Map<String, List<Document>> documents = new LinkedHashMap<>();
        for (String collection : collections) {
            List<Document> sorted = database.getCollection(collection).find().sort(Sorts.ascending("_id"))
                    .into(new ArrayList<>());
            sorted.forEach(doc -> sortLists(doc, unorderedLists));
            documents.put(collection, sorted);
        }
        return new ReadModelSnapshot(documents);
    }

    public List<Document> documents(String collection) {
        return collections.getOrDefault(collection, List.of());
    }

    /** How many documents each collection holds. */
    public Map<String, Integer> sizes() {
        return collections.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().size()));
    }

    /** What this snapshot holds otherwise than {@code expected}, one line per document; empty if they are equal. */
    public List<String> differencesFrom(ReadModelSnapshot expected) {
        List<String> differences = new ArrayList<>();
        Set<String> names = new TreeSet<>(expected.collections.keySet());
        names.addAll(collections.keySet());
        for (String collection : names) {
            Map<Object, Document> wanted = byId(expected.documents(collection));
            Map<Object, Document> actual = byId(documents(collection));
            wanted.forEach((id, doc) -> {
                if (!actual.containsKey(id)) {
                    differences.add(collection + " lacks " + doc.toJson());
                } else if (!Objects.equals(actual.get(id), doc)) {
                    differences.add(collection + " holds " + actual.get(id).toJson() + " instead of " + doc.toJson());
                }
            });
            actual.keySet().stream().filter(id -> !wanted.containsKey(id))
                    .forEach(id -> differences.add(collection + " also holds " + actual.get(id).toJson()));
        }
        return differences;
    }

    private static Map<Object, Document> byId(List<Document> documents) {
        return documents.stream().collect(Collectors.toMap(doc -> doc.get("_id"), Function.identity(),
                (first, second) -> first, LinkedHashMap::new));
    }

    private static void sortLists(Document doc, String... fields) {
        for (String field : fields) {
            if (doc.get(field) instanceof List<?>) {
                doc.put(field, doc.getList(field, String.class).stream().sorted().toList());
            }
        }
    }
}
