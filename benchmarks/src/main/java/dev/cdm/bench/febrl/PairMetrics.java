package dev.cdm.bench.febrl;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairwise precision, recall and F1 of a clustering against the truth: a pair counts when both records share a
 * cluster (predicted) or a person (true). With {@code crossOnly}, only pairs of records from different sides count
 * (linkage of two files).
 */
record PairMetrics(long predicted, long truePositives, long actual) {

    static PairMetrics of(List<FebrlRecord> records, int[] clusterOf, boolean crossOnly) {
        Map<Integer, long[]> clusters = new HashMap<>();
        Map<Long, long[]> clusterPerson = new HashMap<>();
        Map<Integer, long[]> persons = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            FebrlRecord r = records.get(i);
            clusters.computeIfAbsent(clusterOf[i], k -> new long[2])[r.side()]++;
            long key = ((long) clusterOf[i] << 32) | r.person();
            clusterPerson.computeIfAbsent(key, k -> new long[2])[r.side()]++;
            persons.computeIfAbsent(r.person(), k -> new long[2])[r.side()]++;
        }
        return new PairMetrics(pairs(clusters, crossOnly), pairs(clusterPerson, crossOnly), pairs(persons, crossOnly));
    }

    private static long pairs(Map<?, long[]> groups, boolean crossOnly) {
        long total = 0;
        for (long[] sides : groups.values()) {
            long n = sides[0] + sides[1];
            total += crossOnly ? sides[0] * sides[1] : n * (n - 1) / 2;
        }
        return total;
    }

    double precision() {
        return predicted == 0 ? 0 : truePositives / (double) predicted;
    }

    double recall() {
        return actual == 0 ? 0 : truePositives / (double) actual;
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
