package dev.cdm.kernel.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares two records field by field, sums the Fellegi-Sunter weights and applies the conflict vetoes of
 * {@link MatchWeights}. Given name and surname are also compared crosswise, so a record with the two swapped still
 * matches. Works on {@link PreparedRecord}s (prepare a record once, compare it with many). Stateless and
 * thread-safe.
 */
public final class RecordMatcher {

    public static final String VETO_BIRTH_DATE = "birth dates clearly differ";
    public static final String VETO_GIVEN_NAME = "given names clearly differ";
    public static final String VETO_EXTERNAL_ID = "external ids differ";

    private final MatchWeights weights;

    public RecordMatcher(MatchWeights weights) {
        this.weights = weights;
    }

    /** Whether two birth dates clearly differ (more than a typo or a day/month swap apart). */
    public boolean birthDatesConflict(String a, String b) {
        return FieldComparators.birthDatesConflict(a, b, weights.birthDateConflictEdits());
    }

    /** Whether two values of the external id {@code type} name different people. */
    public boolean idsConflict(String type, String a, String b) {
        return weights.idsConflict(type, a, b);
    }

    public MatchScore score(MatchRecord a, MatchRecord b) {
        return score(PreparedRecord.of(a), PreparedRecord.of(b));
    }

    public MatchScore score(PreparedRecord a, PreparedRecord b) {
        List<Evidence> evidence = new ArrayList<>(12);
        boolean swapped = names(a, b, evidence);
        add(evidence, Field.BIRTH_DATE, FieldComparators.birthDate(a.birthDate, b.birthDate));
        add(evidence, Field.ADDRESS, FieldComparators.address(a.addressTokens, b.addressTokens));
        add(evidence, Field.POSTCODE, FieldComparators.equalKeys(a.postcode, b.postcode));
        add(evidence, Field.LOCALITY, FieldComparators.similarKeys(a.locality, b.locality));
        add(evidence, Field.STATE, FieldComparators.equalKeys(a.state, b.state));
        add(evidence, Field.COUNTRY, FieldComparators.equalKeys(a.country, b.country));
        add(evidence, Field.EMAIL, FieldComparators.equalKeys(a.email, b.email));
        add(evidence, Field.PHONE, FieldComparators.equalKeys(a.phone, b.phone));
        Outcome ids = FieldComparators.externalIds(a.externalIds, b.externalIds);
        add(evidence, Field.EXTERNAL_ID, ids);
        double total = evidence.stream().mapToDouble(Evidence::weight).sum();
        String veto = veto(a, b, swapped, ids);
        Decision decision = veto != null || total < weights.reviewThreshold() ? Decision.NON_MATCH
                : total >= weights.matchThreshold() ? Decision.MATCH : Decision.REVIEW;
        return new MatchScore(total, decision, evidence, veto);
    }

    /** Adds name evidence, straight or crosswise whichever weighs more; returns whether crosswise won. */
    private boolean names(PreparedRecord a, PreparedRecord b, List<Evidence> evidence) {
        Outcome given = FieldComparators.name(a.given, b.given);
        Outcome surname = FieldComparators.name(a.surname, b.surname);
        Outcome crossGiven = FieldComparators.name(a.given, b.surname);
        Outcome crossSurname = FieldComparators.name(a.surname, b.given);
        double straight = weights.weight(Field.GIVEN_NAME, given) + weights.weight(Field.SURNAME, surname);
        double cross = weights.weight(Field.GIVEN_NAME, crossGiven) + weights.weight(Field.SURNAME, crossSurname);
        boolean swapped = cross > straight && crossGiven != Outcome.MISSING && crossSurname != Outcome.MISSING;
        add(evidence, Field.GIVEN_NAME, swapped ? crossGiven : given);
        add(evidence, Field.SURNAME, swapped ? crossSurname : surname);
        return swapped;
    }

    /** An agreeing external id proves identity, so only its own conflict can veto then. */
    private String veto(PreparedRecord a, PreparedRecord b, boolean swapped, Outcome ids) {
        if (idsConflict(a.externalIds, b.externalIds)) {
            return VETO_EXTERNAL_ID;
        }
        if (ids == Outcome.AGREE) {
            return null;
        }
        if (FieldComparators.birthDatesConflict(a.birthDate, b.birthDate, weights.birthDateConflictEdits())) {
            return VETO_BIRTH_DATE;
        }
        if (givenNamesConflict(a.given, swapped ? b.surname : b.given)) {
            return VETO_GIVEN_NAME;
        }
        return null;
    }

    private boolean givenNamesConflict(PreparedRecord.Name a, PreparedRecord.Name b) {
        if (a.isMissing() || b.isMissing() || FieldComparators.name(a, b) != Outcome.DISAGREE) {
            return false;
        }
        String keyA = a.key();
        String keyB = b.key();
        boolean initial = keyA.length() == 1 && keyB.startsWith(keyA) || keyB.length() == 1 && keyA.startsWith(keyB);
        return !initial && JaroWinkler.similarity(keyA, keyB) < weights.givenNameConflictSimilarity();
    }

    /** Over the id types both carry (prepared: stripped, blank ones left out). */
    private boolean idsConflict(Map<String, String> a, Map<String, String> b) {
        return a.keySet().stream().filter(b::containsKey).anyMatch(t -> weights.idsConflict(t, a.get(t), b.get(t)));
    }

    private void add(List<Evidence> evidence, Field field, Outcome outcome) {
        evidence.add(new Evidence(field, outcome, weights.weight(field, outcome)));
    }
}
