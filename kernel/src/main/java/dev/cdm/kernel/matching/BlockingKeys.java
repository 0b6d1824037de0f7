package dev.cdm.kernel.matching;

import dev.cdm.kernel.identity.NameKeys;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Lookup keys that put likely matches into a shared block, so only records sharing a key are compared:
 * <ul>
 *   <li>{@code sn:<surname phonetic>:<birth year>}</li>
 *   <li>{@code nm:<both name phonetics, sorted>}: survives a swapped given name and surname, or a typed year</li>
 *   <li>{@code pc:<postcode>:<given-name initial>}</li>
 *   <li>{@code ad:<postcode>:<first address line key>}</li>
 *   <li>{@code dob:<yyyy-MM-dd>:<given-name initial>}</li>
 *   <li>{@code id:<type>:<value>}, {@code email:<match key>}, {@code phone:<E.164>}</li>
 * </ul>
 * Each key mixes a rare part with a second one, so blocks stay small and candidate pairs grow near-linearly.
 */
public final class BlockingKeys {

    private BlockingKeys() {
    }

    public static Set<String> of(MatchRecord r) {
        Set<String> keys = new TreeSet<>();
        String surname = NameKeys.phonetic(r.surname());
        String given = NameKeys.phonetic(r.givenName());
        String initial = NameKeys.key(r.givenName()).isEmpty() ? "" : NameKeys.key(r.givenName()).substring(0, 1);
        Optional<LocalDate> birth = FieldComparators.date(r.birthDate());
        if (!surname.isEmpty() && birth.isPresent()) {
            keys.add("sn:" + surname + ":" + birth.get().getYear());
        }
        if (!surname.isEmpty() && !given.isEmpty()) {
            keys.add("nm:" + (surname.compareTo(given) < 0 ? surname + ":" + given : given + ":" + surname));
        }
        if (!FieldComparators.isBlank(r.postcode()) && !initial.isEmpty()) {
            keys.add("pc:" + r.postcode().strip() + ":" + initial);
        }
        String street = r.addressLines().isEmpty() ? "" : NameKeys.key(r.addressLines().get(0));
        if (!FieldComparators.isBlank(r.postcode()) && !street.isEmpty()) {
            keys.add("ad:" + r.postcode().strip() + ":" + street);
        }
        birth.ifPresent(date -> keys.add("dob:" + date + ":" + initial));
        r.externalIds().forEach((type, value) -> {
            if (!FieldComparators.isBlank(value)) {
                keys.add("id:" + type + ":" + value.strip());
            }
        });
        String email = FieldComparators.emailKey(r.email());
        if (!email.isEmpty()) {
            keys.add("email:" + email);
        }
        String phone = FieldComparators.e164(r.phone(), r.country());
        if (!phone.isEmpty()) {
            keys.add("phone:" + phone);
        }
        return keys;
    }
}
