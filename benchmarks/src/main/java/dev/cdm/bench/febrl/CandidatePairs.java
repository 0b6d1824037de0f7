package dev.cdm.bench.febrl;

import dev.cdm.kernel.matching.BlockingKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The distinct pairs of records sharing at least one {@link BlockingKeys} key, each as {@code i << 32 | j} with
 * {@code i < j}. With {@code crossOnly}, only pairs from different sides. Blocks above {@code maxBlock} records are
 * skipped (a key too common to discriminate).
 */
final class CandidatePairs {

    private CandidatePairs() {
    }

    static long[] of(List<FebrlRecord> records, boolean crossOnly, int maxBlock) {
        Map<String, List<Integer>> blocks = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            for (String key : BlockingKeys.of(records.get(i).fields())) {
                blocks.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        Set<Long> pairs = new HashSet<>();
        for (List<Integer> block : blocks.values()) {
            if (block.size() > maxBlock) {
                continue;
            }
            for (int x = 0; x < block.size(); x++) {
                for (int y = x + 1; y < block.size(); y++) {
                    int i = block.get(x);
                    int j = block.get(y);
                    if (!crossOnly || records.get(i).side() != records.get(j).side()) {
                        pairs.add(((long) Math.min(i, j) << 32) | Math.max(i, j));
                    }
                }
            }
        }
        return pairs.stream().mapToLong(Long::longValue).toArray();
    }
}
