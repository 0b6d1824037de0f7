package dev.cdm.bench.febrl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cdm.kernel.matching.MatchRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairMetricsTest {

    private static FebrlRecord rec(int person, int side) {
        return new FebrlRecord(person, side, new MatchRecord("a", "b", null, null, null, null, null, null, null,
                null, null));
    }

    @Test
    void of_countsPairwisePrecisionRecallF1_forHandMadeClustering() {
        // persons: 1,1,1,2,2,3 → true pairs 3 + 1 = 4
        List<FebrlRecord> records = List.of(rec(1, 0), rec(1, 0), rec(1, 0), rec(2, 0), rec(2, 0), rec(3, 0));
        // clusters: {0,1} {2,3} {4} {5} → predicted 2, true positives 1
        PairMetrics metrics = PairMetrics.of(records, new int[] {0, 0, 2, 2, 4, 5}, false);
        assertThat(metrics).isEqualTo(new PairMetrics(2, 1, 4));
        assertThat(metrics.precision()).isEqualTo(0.5);
        assertThat(metrics.recall()).isEqualTo(0.25);
        assertThat(metrics.f1()).isCloseTo(1 / 3.0, within(1e-9));
    }

    @Test
    void of_countsOnlyCrossPairs_whenLinkingTwoFiles() {
        List<FebrlRecord> records = List.of(rec(1, 0), rec(1, 1), rec(2, 0), rec(2, 1), rec(9, 0));
        // one cluster of 1a,1b,2a: cross pairs 1a-1b (true), 2a-1b (false)
        PairMetrics metrics = PairMetrics.of(records, new int[] {0, 0, 0, 3, 4}, true);
        assertThat(metrics).isEqualTo(new PairMetrics(2, 1, 2));
    }

    @Test
    void scores_areZero_whenNothingPredicted() {
        PairMetrics metrics = new PairMetrics(0, 0, 3);
        assertThat(metrics.precision()).isZero();
        assertThat(metrics.f1()).isZero();
    }

    @Test
    void unionFind_joinsTransitively() {
        UnionFind sets = new UnionFind(4);
        sets.union(0, 1);
        sets.union(1, 2);
        assertThat(sets.find(2)).isEqualTo(sets.find(0));
        assertThat(sets.find(3)).isNotEqualTo(sets.find(0));
    }
}
