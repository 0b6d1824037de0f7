package dev.cdm.profile.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Which profiles of a record's blocks are worth comparing it with. A block of up to {@code smallBlockSize} profiles
 * (a shared birth date and initial, a postcode and street, an e-mail) makes each of them a candidate; in a larger
 * one (a common name, a surname and birth year) a profile is a candidate only when it shares a second block with
 * the record, because a person who shares nothing with the record but a common name is not worth a comparison,
 * and would make the comparisons per record grow with the number of profiles. Blocks above {@code maxBlockSize}
 * are oversized and find nothing.
 */
record CandidateRule(int maxBlockSize, int smallBlockSize) {

    /** The candidates of a record with blocking keys {@code keys}; {@code members} gives a block's profiles or null. */
    Set<String> candidates(Collection<String> keys, Function<String, Set<String>> members) {
        Set<String> found = new LinkedHashSet<>();
        Map<String, Integer> sharedLargeBlocks = new HashMap<>();
        for (String key : keys) {
            Set<String> block = members.apply(key);
            if (block == null || block.size() > maxBlockSize) {
                continue;
            }
            if (block.size() <= smallBlockSize) {
                found.addAll(block);
            } else {
                block.forEach(id -> {
                    if (sharedLargeBlocks.merge(id, 1, Integer::sum) == 2) {
                        found.add(id);
                    }
                });
            }
        }
        return found;
    }
}
