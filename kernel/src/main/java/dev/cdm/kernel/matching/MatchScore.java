package dev.cdm.kernel.matching;

import java.util.List;
import java.util.Optional;

/**
 * The explainable result of comparing two records: the summed weight, the decision, each field's evidence, and
 * the conflict that vetoed a match ({@code null} when none did).
 */
public record MatchScore(double total, Decision decision, List<Evidence> evidence, String veto) {

    public MatchScore {
        evidence = List.copyOf(evidence);
    }

    public Optional<String> vetoReason() {
        return Optional.ofNullable(veto);
    }

    public Optional<Evidence> evidenceFor(Field field) {
        return evidence.stream().filter(e -> e.field() == field).findFirst();
    }
}
