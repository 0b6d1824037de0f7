package dev.cdm.kernel.matching;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Scoring configuration. A pair scoring at least {@code matchThreshold} is a match, at least {@code reviewThreshold}
 * goes to review, anything lower is a non-match. Conflicts veto a match whatever the score: birth dates at least
 * {@code birthDateConflictEdits} edits apart (a day/month swap never is), given names below
 * {@code givenNameConflictSimilarity} Jaro-Winkler that are no nicknames or initials, and one external id type
 * with values at least {@code idConflictEdits} edits apart (one typed digit is not a different person) unless the
 * type is one of {@code evidenceOnlyIdTypes} (noisy ids whose disagreement is only evidence).
 *
 * <p>Defaults ({@link #defaults}): m and u estimated for person records of one population (u of a birth date is
 * about 1 / (365 × 80 years)); on all fields agreeing a pair scores about 60, one strong identifier alone about 20.
 */
public record MatchWeights(Map<Field, FieldWeight> fields, double matchThreshold, double reviewThreshold,
                           int birthDateConflictEdits, double givenNameConflictSimilarity, int idConflictEdits,
                           Set<String> evidenceOnlyIdTypes) {

    public MatchWeights {
        fields = Map.copyOf(fields);
        evidenceOnlyIdTypes = evidenceOnlyIdTypes == null ? Set.of() : Set.copyOf(evidenceOnlyIdTypes);
        if (reviewThreshold > matchThreshold) {
            throw new IllegalArgumentException("reviewThreshold must not exceed matchThreshold");
        }
    }

    public static MatchWeights defaults() {
        Map<Field, FieldWeight> fields = new EnumMap<>(Field.class);
        fields.put(Field.GIVEN_NAME, new FieldWeight(0.85, 0.01, 0.08, 0.01));
        fields.put(Field.SURNAME, new FieldWeight(0.85, 0.005, 0.08, 0.005));
        fields.put(Field.BIRTH_DATE, new FieldWeight(0.85, 0.0001, 0.1, 0.001));
        fields.put(Field.ADDRESS, new FieldWeight(0.8, 0.001, 0.1, 0.01));
        fields.put(Field.POSTCODE, new FieldWeight(0.85, 0.002, 0.01, 0.01));
        fields.put(Field.LOCALITY, new FieldWeight(0.8, 0.005, 0.1, 0.01));
        fields.put(Field.STATE, new FieldWeight(0.9, 0.2, 0.01, 0.01));
        fields.put(Field.COUNTRY, new FieldWeight(0.95, 0.5, 0.01, 0.01));
        fields.put(Field.EMAIL, new FieldWeight(0.8, 0.000001, 0.01, 0.01));
        fields.put(Field.PHONE, new FieldWeight(0.8, 0.00001, 0.01, 0.01));
        fields.put(Field.EXTERNAL_ID, new FieldWeight(0.9, 0.000001, 0.01, 0.01));
        return new MatchWeights(fields, 20, 8, 2, 0.75, 2, Set.of());
    }

    public MatchWeights withThresholds(double match, double review) {
        return new MatchWeights(fields, match, review, birthDateConflictEdits, givenNameConflictSimilarity,
                idConflictEdits, evidenceOnlyIdTypes);
    }

    /**
     * These settings where the external id types {@code types} are noisy: their disagreement weighs against a match
     * but never vetoes one (agreement still counts fully).
     */
    public MatchWeights withEvidenceOnlyIdTypes(Set<String> types) {
        return new MatchWeights(fields, matchThreshold, reviewThreshold, birthDateConflictEdits,
                givenNameConflictSimilarity, idConflictEdits, types);
    }

    /** Whether {@code a} and {@code b}, values of the external id {@code type}, name different people. */
    public boolean idsConflict(String type, String a, String b) {
        return !evidenceOnlyIdTypes.contains(type)
                && EditDistance.between(a.strip(), b.strip()) >= idConflictEdits;
    }

    public double weight(Field field, Outcome outcome) {
        FieldWeight weight = fields.get(field);
        return weight == null ? 0 : weight.weight(outcome);
    }
}
