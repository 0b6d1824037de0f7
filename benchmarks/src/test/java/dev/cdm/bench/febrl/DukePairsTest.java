package dev.cdm.bench.febrl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdm.kernel.matching.MatchRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class DukePairsTest {

    private static FebrlRecord rec(int person) {
        return new FebrlRecord(person, 0, new MatchRecord("a", "b", null, null, null, null, null, null, null,
                null, null));
    }

    @Test
    void matches_countsEachPairOnce_whateverTheOrder() {
        DukePairs pairs = new DukePairs();
        pairs.matches(DukeLinker.record(3, rec(1).fields()), DukeLinker.record(1, rec(1).fields()), 0.99);
        pairs.matches(DukeLinker.record(1, rec(1).fields()), DukeLinker.record(3, rec(1).fields()), 0.99);
        pairs.add(2, 2);
        assertThat(pairs.toArray()).containsExactly((1L << 32) | 3);
        assertThat(pairs.size()).isEqualTo(1);
    }

    @Test
    void clusters_joinMatchedPairsTransitively_asTheKernelRunDoes() {
        int[] roots = UnionFind.clusters(5, new long[] {1L, (1L << 32) | 2});
        assertThat(roots[1]).isEqualTo(roots[0]);
        assertThat(roots[2]).isEqualTo(roots[0]);
        assertThat(roots[3]).isNotEqualTo(roots[0]).isNotEqualTo(roots[4]);
    }

    @Test
    void pairMetrics_scoreTheClosure_notJustTheReportedPairs() {
        // persons 1,1,2,2,3; Duke reported 0-1 and 1-2 → cluster {0,1,2}: 3 predicted pairs, 1 true, of 2 true
        List<FebrlRecord> records = List.of(rec(1), rec(1), rec(2), rec(2), rec(3));
        DukePairs pairs = new DukePairs();
        pairs.add(0, 1);
        pairs.add(2, 1);
        int[] roots = UnionFind.clusters(records.size(), pairs.toArray());
        assertThat(PairMetrics.of(records, roots, false)).isEqualTo(new PairMetrics(3, 1, 2));
    }
}
