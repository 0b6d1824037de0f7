package dev.cdm.consent.api;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * The ledger that governs a subject: their own, or, once their profile was merged, that of the profile it was
 * merged into (followed through every later merge). {@code subjectId} is the subject whose ledger it is.
 */
public record SubjectLedger(String subjectId, ConsentLedger ledger) {

    /** More merges than this in one chain means the data is broken; the chain is cut there. */
    static final int MAX_MERGES = 64;

    /** Follows {@code subjectId}'s merges through {@code ownLedgers} (a subject's own ledger, never null). */
    public static SubjectLedger follow(String subjectId, Function<String, ConsentLedger> ownLedgers) {
        Set<String> seen = new HashSet<>();
        String current = subjectId;
        ConsentLedger ledger = ownLedgers.apply(current);
        while (ledger.mergedInto().isPresent() && seen.add(current) && seen.size() < MAX_MERGES) {
            String survivor = ledger.mergedInto().get();
            if (seen.contains(survivor)) {
                break;
            }
            current = survivor;
            ledger = ownLedgers.apply(current);
        }
        return new SubjectLedger(current, ledger);
    }
}
