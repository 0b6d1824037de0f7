package dev.cdm.kernel.matching;

import dev.cdm.kernel.identity.NameKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares two {@link MatchRecord}s field by field, sums the Fellegi-Sunter weights and applies the conflict
 * vetoes of {@link MatchWeights}. Given name and surname are also compared crosswise, so a record with the two
 * swapped still matches. Stateless and thread-safe.
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
        List<Evidence> evidence = new ArrayList<>();
        boolean swapped = names(a.givenName(), a.surname(), b.givenName(), b.surname(), evidence);
        add(evidence, Field.BIRTH_DATE, FieldComparators.birthDate(a.birthDate(), b.birthDate()));
        add(evidence, Field.ADDRESS, FieldComparators.address(a.addressLines(), b.addressLines()));
        add(evidence, Field.POSTCODE, FieldComparators.exact(a.postcode(), b.postcode()));
        add(evidence, Field.LOCALITY, FieldComparators.locality(a.locality(), b.locality()));
        add(evidence, Field.STATE, FieldComparators.exact(a.state(), b.state()));
        add(evidence, Field.COUNTRY, FieldComparators.exact(a.country(), b.country()));
        add(evidence, Field.EMAIL, FieldComparators.email(a.email(), b.email()));
        add(evidence, Field.PHONE, FieldComparators.phone(a.phone(), b.phone(), a.country(), b.country()));
        add(evidence, Field.EXTERNAL_ID, FieldComparators.externalIds(a.externalIds(), b.externalIds()));
        double total = evidence.stream().mapToDouble(Evidence::weight).sum();
        String veto = veto(a, b, swapped);
        Decision decision = veto != null || total < weights.reviewThreshold() ? Decision.NON_MATCH
                : total >= weights.matchThreshold() ? Decision.MATCH : Decision.REVIEW;
        return new MatchScore(total, decision, evidence, veto);
    }

    /** Adds name evidence, straight or crosswise whichever weighs more; returns whether crosswise won. */
    private boolean names(String givenA, String surnameA, String givenB, String surnameB, List<Evidence> evidence) {
        Outcome given = FieldComparators.name(givenA, givenB);
        Outcome surname = FieldComparators.name(surnameA, surnameB);
        Outcome crossGiven = FieldComparators.name(givenA, surnameB);
        Outcome crossSurname = FieldComparators.name(surnameA, givenB);
        double straight = weights.weight(Field.GIVEN_NAME, given) + weights.weight(Field.SURNAME, surname);
        double cross = weights.weight(Field.GIVEN_NAME, crossGiven) + weights.weight(Field.SURNAME, crossSurname);
        boolean swapped = cross > straight && crossGiven != Outcome.MISSING && crossSurname != Outcome.MISSING;
        add(evidence, Field.GIVEN_NAME, swapped ? crossGiven : given);
        add(evidence, Field.SURNAME, swapped ? crossSurname : surname);
        return swapped;
    }

    /** An agreeing external id proves identity, so only its own conflict can veto then. */
    private String veto(MatchRecord a, MatchRecord b, boolean swapped) {
        if (idsConflict(a.externalIds(), b.externalIds())) {
            return VETO_EXTERNAL_ID;
        }
        if (FieldComparators.externalIds(a.externalIds(), b.externalIds()) == Outcome.AGREE) {
            return null;
        }
        if (FieldComparators.birthDatesConflict(a.birthDate(), b.birthDate(), weights.birthDateConflictEdits())) {
            return VETO_BIRTH_DATE;
        }
        if (givenNamesConflict(a.givenName(), swapped ? b.surname() : b.givenName())) {
            return VETO_GIVEN_NAME;
        }
        return null;
    }

    private boolean givenNamesConflict(String a, String b) {
        String keyA = NameKeys.key(a);
        String keyB = NameKeys.key(b);
        if (keyA.isEmpty() || keyB.isEmpty() || FieldComparators.name(a, b) != Outcome.DISAGREE) {
            return false;
        }
        boolean initial = keyA.length() == 1 && keyB.startsWith(keyA) || keyB.length() == 1 && keyA.startsWith(keyB);
        return !initial && JaroWinkler.similarity(keyA, keyB) < weights.givenNameConflictSimilarity();
    }

    private boolean idsConflict(Map<String, String> a, Map<String, String> b) {
        return a.keySet().stream().filter(b::containsKey)
                .filter(t -> !FieldComparators.isBlank(a.get(t)) && !FieldComparators.isBlank(b.get(t)))
                .anyMatch(t -> weights.idsConflict(t, a.get(t), b.get(t)));
    }

    private void add(List<Evidence> evidence, Field field, Outcome outcome) {
        evidence.add(new Evidence(field, outcome, weights.weight(field, outcome)));
    }
}
