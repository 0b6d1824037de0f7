package dev.cdm.kernel.matching;

import dev.cdm.kernel.identity.NameKeys;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A {@link MatchRecord} with every comparison key computed once: name keys and phonetic codes, the parsed birth
 * date, address tokens, the e-mail match key, the E.164 phone. A record is compared with many candidates, and
 * normalizing (ICU transliteration, libphonenumber, date parsing) costs far more than comparing, so resolution
 * prepares each record once and scores prepared records. Equal when their source records are equal.
 */
public final class PreparedRecord {

    /** A name's comparison key and phonetic code, both empty when the name is missing. */
    record Name(String key, String phonetic) {
        static Name of(String name) {
            String key = NameKeys.key(name);
            return new Name(key, key.isEmpty() ? "" : NameKeys.phonetic(name));
        }

        boolean isMissing() {
            return key.isEmpty();
        }
    }

    private final MatchRecord source;
    final Name given;
    final Name surname;
    /** Null when missing or not a valid date. */
    final LocalDate birthDate;
    final Set<String> addressTokens;
    final String postcode;
    final String locality;
    final String state;
    final String country;
    final String email;
    final String phone;
    /** Id type → stripped value, blank values left out. */
    final Map<String, String> externalIds;

    private PreparedRecord(MatchRecord r) {
        this.source = r;
        this.given = Name.of(r.givenName());
        this.surname = Name.of(r.surname());
        this.birthDate = FieldComparators.date(r.birthDate()).orElse(null);
        this.addressTokens = FieldComparators.tokens(r.addressLines());
        this.postcode = FieldComparators.exactKey(r.postcode());
        this.locality = FieldComparators.exactKey(r.locality());
        this.state = FieldComparators.exactKey(r.state());
        this.country = FieldComparators.exactKey(r.country());
        this.email = FieldComparators.exactKey(FieldComparators.emailKey(r.email()));
        this.phone = FieldComparators.exactKey(FieldComparators.e164(r.phone(), r.country()));
        this.externalIds = strippedIds(r.externalIds());
    }

    public static PreparedRecord of(MatchRecord record) {
        return new PreparedRecord(record);
    }

    public MatchRecord source() {
        return source;
    }

    private static Map<String, String> strippedIds(Map<String, String> ids) {
        Map<String, String> stripped = new HashMap<>();
        ids.forEach((type, value) -> {
            if (!FieldComparators.isBlank(value)) {
                stripped.put(type, value.strip());
            }
        });
        return Map.copyOf(stripped);
    }

    /** {@code yyyyMMdd}, for edit distances between dates. */
    static String digits(LocalDate date) {
        String digits = Long.toString(date.getYear() * 10_000L + date.getMonthValue() * 100L + date.getDayOfMonth());
        return digits.length() >= 8 ? digits : "0".repeat(8 - digits.length()) + digits;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PreparedRecord other && source.equals(other.source);
    }

    @Override
    public int hashCode() {
        return source.hashCode();
    }
}
