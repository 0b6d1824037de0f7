package dev.cdm.kernel.matching;

import dev.cdm.kernel.identity.BirthDates;
import dev.cdm.kernel.identity.EmailKeys;
import dev.cdm.kernel.identity.Identifiers;
import dev.cdm.kernel.identity.NameKeys;
import dev.cdm.kernel.identity.Nicknames;
import dev.cdm.kernel.matching.PreparedRecord.Name;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Field comparisons. Names: equal {@link NameKeys#key} or {@link Nicknames} group agree; Jaro-Winkler at least
 * {@value #NAME_SIMILAR} or equal {@link NameKeys#phonetic} code is partial. Birth dates: equal agree; a day/month
 * swap or one typed digit (one edit on {@code yyyyMMdd}) is partial. Addresses: token-set overlap. Postcode, state,
 * country, e-mail match key, E.164 phone and external ids: exact.
 *
 * <p>The comparisons work on keys prepared once per record ({@link PreparedRecord}); the methods on raw values
 * prepare both sides first.
 */
final class FieldComparators {

    static final double NAME_SIMILAR = 0.92;
    static final double LOCALITY_SIMILAR = 0.92;
    static final double TOKEN_SIMILAR = 0.9;
    static final double ADDRESS_AGREE = 0.75;
    static final double ADDRESS_PARTIAL = 0.4;

    private FieldComparators() {
    }

    static Outcome name(String a, String b) {
        return name(Name.of(a), Name.of(b));
    }

    static Outcome name(Name a, Name b) {
        if (a.isMissing() || b.isMissing()) {
            return Outcome.MISSING;
        }
        if (a.key().equals(b.key()) || Nicknames.sameName(a.key(), b.key())) {
            return Outcome.AGREE;
        }
        if (JaroWinkler.similarity(a.key(), b.key()) >= NAME_SIMILAR || a.phonetic().equals(b.phonetic())) {
            return Outcome.PARTIAL;
        }
        return Outcome.DISAGREE;
    }

    static Outcome birthDate(String a, String b) {
        return birthDate(date(a).orElse(null), date(b).orElse(null));
    }

    static Outcome birthDate(LocalDate x, LocalDate y) {
        if (x == null || y == null) {
            return Outcome.MISSING;
        }
        if (x.equals(y)) {
            return Outcome.AGREE;
        }
        boolean swapped = x.getYear() == y.getYear() && x.getDayOfMonth() == y.getMonthValue()
                && x.getMonthValue() == y.getDayOfMonth();
        return swapped || EditDistance.between(PreparedRecord.digits(x), PreparedRecord.digits(y)) <= 1
                ? Outcome.PARTIAL : Outcome.DISAGREE;
    }

    /** Dates that are not one typo apart: at least {@code edits} edits and no day/month swap. */
    static boolean birthDatesConflict(String a, String b, int edits) {
        return birthDatesConflict(date(a).orElse(null), date(b).orElse(null), edits);
    }

    static boolean birthDatesConflict(LocalDate x, LocalDate y, int edits) {
        return birthDate(x, y) == Outcome.DISAGREE
                && EditDistance.between(PreparedRecord.digits(x), PreparedRecord.digits(y)) >= edits;
    }

    static Outcome address(List<String> a, List<String> b) {
        return address(tokens(a), tokens(b));
    }

    static Outcome address(Set<String> tokensA, Set<String> tokensB) {
        if (tokensA.isEmpty() || tokensB.isEmpty()) {
            return Outcome.MISSING;
        }
        long shared = tokensA.stream().filter(t -> tokensB.stream().anyMatch(u -> similarToken(t, u))).count();
        double overlap = shared / (double) Math.max(tokensA.size(), tokensB.size());
        return overlap >= ADDRESS_AGREE ? Outcome.AGREE
                : overlap >= ADDRESS_PARTIAL ? Outcome.PARTIAL : Outcome.DISAGREE;
    }

    static Outcome locality(String a, String b) {
        return similarKeys(exactKey(a), exactKey(b));
    }

    /** Locality keys: equal agree, Jaro-Winkler at least {@value #LOCALITY_SIMILAR} is partial. */
    static Outcome similarKeys(String keyA, String keyB) {
        if (keyA.isEmpty() || keyB.isEmpty()) {
            return Outcome.MISSING;
        }
        return keyA.equals(keyB) ? Outcome.AGREE
                : JaroWinkler.similarity(keyA, keyB) >= LOCALITY_SIMILAR ? Outcome.PARTIAL : Outcome.DISAGREE;
    }

    static Outcome exact(String a, String b) {
        return equalKeys(exactKey(a), exactKey(b));
    }

    /** Keys compared as they are: missing when either is empty. */
    static Outcome equalKeys(String keyA, String keyB) {
        if (keyA.isEmpty() || keyB.isEmpty()) {
            return Outcome.MISSING;
        }
        return keyA.equals(keyB) ? Outcome.AGREE : Outcome.DISAGREE;
    }

    /** The key exact comparisons use: the folded value without separators, empty when missing. */
    static String exactKey(String value) {
        return value == null ? "" : NameKeys.key(value);
    }

    static Outcome email(String a, String b) {
        return exact(emailKey(a), emailKey(b));
    }

    static Outcome phone(String a, String b, String regionA, String regionB) {
        return exact(e164(a, regionA), e164(b, regionB));
    }

    /** Over the id types both records carry: all equal agree, any different disagrees. */
    static Outcome externalIds(Map<String, String> a, Map<String, String> b) {
        Set<String> shared = new HashSet<>(a.keySet());
        shared.retainAll(b.keySet());
        shared.removeIf(type -> isBlank(a.get(type)) || isBlank(b.get(type)));
        if (shared.isEmpty()) {
            return Outcome.MISSING;
        }
        return shared.stream().allMatch(t -> a.get(t).strip().equals(b.get(t).strip()))
                ? Outcome.AGREE : Outcome.DISAGREE;
    }

    static String emailKey(String email) {
        return isBlank(email) ? "" : EmailKeys.matchKey(Identifiers.normalizeEmail(email));
    }

    static String e164(String phone, String region) {
        if (isBlank(phone)) {
            return "";
        }
        String regionCode = region != null && region.strip().length() == 2 ? region.strip() : null;
        return Identifiers.normalizePhone(phone, regionCode).orElse("");
    }

    static Optional<LocalDate> date(String value) {
        return isBlank(value) ? Optional.empty() : BirthDates.parse(value).value();
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    static Set<String> tokens(List<String> lines) {
        Set<String> tokens = new HashSet<>();
        lines.forEach(line -> tokens.addAll(NameKeys.tokens(line)));
        return tokens;
    }

    private static boolean similarToken(String a, String b) {
        return a.equals(b) || (a.length() > 3 && b.length() > 3 && JaroWinkler.similarity(a, b) >= TOKEN_SIMILAR);
    }
}
