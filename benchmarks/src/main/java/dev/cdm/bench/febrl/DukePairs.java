package dev.cdm.bench.febrl;

import java.util.HashSet;
import java.util.Set;
import no.priv.garshol.duke.Record;
import no.priv.garshol.duke.matchers.AbstractMatchListener;

/**
 * Collects the pairs Duke reports as matches ({@code matches}, above its threshold; "maybe" matches are not
 * counted), each once as {@code i << 32 | j} with {@code i < j}, where i and j are the records' {@link DukeLinker#ID}:
 * their index in the benchmark's record list. Deduplication reports a pair from both ends; it counts once.
 */
final class DukePairs extends AbstractMatchListener {

    private final Set<Long> pairs = new HashSet<>();
    private long comparisons;

    @Override
    public void matches(Record r1, Record r2, double confidence) {
        add(index(r1), index(r2));
    }

    void add(int a, int b) {
        if (a != b) {
            pairs.add(((long) Math.min(a, b) << 32) | Math.max(a, b));
        }
    }

    long[] toArray() {
        return pairs.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    int size() {
        return pairs.size();
    }

    /** How many record comparisons Duke made (its own count; a pair may be compared from both ends). */
    long comparisons() {
        return comparisons;
    }

    void comparisons(long count) {
        comparisons = count;
    }

    private static int index(Record record) {
        return Integer.parseInt(record.getValue(DukeLinker.ID));
    }
}
