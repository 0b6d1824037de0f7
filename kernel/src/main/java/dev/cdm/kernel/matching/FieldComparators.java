package dev.cdm.kernel.matching;

import dev.cdm.kernel.identity.BirthDates;
import dev.cdm.kernel.identity.EmailKeys;
import dev.cdm.kernel.identity.Identifiers;
import dev.cdm.kernel.identity.NameKeys;
import dev.cdm.kernel.identity.Nicknames;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Field comparisons. Names: equal {@link NameKeys#key} or {@link Nicknames} group agree; Jaro-Winkler at least
 * {@value #NAME_SIMILAR} or equal {@link NameKeys#phonetic} code is partial. Birth dates: equal agree; a day/month
 * swap or one typed digit (one edit on {@code yyyyMMdd}) is partial. Addresses: token-set overlap. Postcode, state,
 * country, e-mail match key, E.164 phone and external ids: exact.
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
        String keyA = NameKeys.key(a);
        String keyB = NameKeys.key(b);
        if (keyA.isEmpty() || keyB.isEmpty()) {
            return Outcome.MISSING;
        }
        if (keyA.equals(keyB) || Nicknames.sameName(keyA, keyB)) {
            return Outcome.AGREE;
        }
        if (JaroWinkler.similarity(keyA, keyB) >= NAME_SIMILAR || NameKeys.phonetic(a).equals(NameKeys.phonetic(b))) {
            return Outcome.PARTIAL;
        }
        return Outcome.DISAGREE;
    }

    static Outcome birthDate(String a, String b) {
        Optional<LocalDate> dateA = date(a);
        Optional<LocalDate> dateB = date(b);
        if (dateA.isEmpty() || dateB.isEmpty()) {
            return Outcome.MISSING;
        }
        LocalDate x = dateA.get();
        LocalDate y = dateB.get();
        if (x.equals(y)) {
            return Outcome.AGREE;
        }
        boolean swapped = x.getYear() == y.getYear() && x.getDayOfMonth() == y.getMonthValue()
                && x.getMonthValue() == y.getDayOfMonth();
        return swapped || EditDistance.between(digits(x), digits(y)) <= 1 ? Outcome.PARTIAL : Outcome.DISAGREE;
    }

    /** Dates that are not one typo apart: at least {@code edits} edits and no day/month swap. */
    static boolean birthDatesConflict(String a, String b, int edits) {
        if (birthDate(a, b) != Outcome.DISAGREE) {
            return false;
        }
        return EditDistance.between(digits(date(a).orElseThrow()), digits(date(b).orElseThrow())) >= edits;
    }

    static Outcome address(List<String> a, List<String> b) {
        Set<String> tokensA = tokens(a);
        Set<String> tokensB = tokens(b);
        if (tokensA.isEmpty() || tokensB.isEmpty()) {
            return Outcome.MISSING;
        }
        long shared = tokensA.stream().filter(t -> tokensB.stream().anyMatch(u -> similarToken(t, u))).count();
        double overlap = shared / (double) Math.max(tokensA.size(), tokensB.size());
        return overlap >= ADDRESS_AGREE ? Outcome.AGREE
                : overlap >= ADDRESS_PARTIAL ? Outcome.PARTIAL : Outcome.DISAGREE;
    }

    static Outcome locality(String a, String b) {
        String keyA = NameKeys.key(a);
        String keyB = NameKeys.key(b);
        if (keyA.isEmpty() || keyB.isEmpty()) {
            return Outcome.MISSING;
        }
        return keyA.equals(keyB) ? Outcome.AGREE
                : JaroWinkler.similarity(keyA, keyB) >= LOCALITY_SIMILAR ? Outcome.PARTIAL : Outcome.DISAGREE;
    }

    static Outcome exact(String a, String b) {
        String keyA = a == null ? "" : NameKeys.key(a);
        String keyB = b == null ? "" : NameKeys.key(b);
        if (keyA.isEmpty() || keyB.isEmpty()) {
            return Outcome.MISSING;
        }
        return keyA.equals(keyB) ? Outcome.AGREE : Outcome.DISAGREE;
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

    private static boolean similarToken(String a, String b) {
        return a.equals(b) || (a.length() > 3 && b.length() > 3 && JaroWinkler.similarity(a, b) >= TOKEN_SIMILAR);
    }

    private static Set<String> tokens(List<String> lines) {
        Set<String> tokens = new HashSet<>();
        lines.forEach(line -> tokens.addAll(NameKeys.tokens(line)));
        return tokens;
    }

    private static String digits(LocalDate date) {
        return String.format(Locale.ROOT, "%04d%02d%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }
}
