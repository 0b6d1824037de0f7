package dev.cdm.kernel.events;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Person fields of one source record, normalized; null means "not given". Beside them, as the source sent them:
 * {@code originals} holds each value that normalization changed (an email's case, a phone's national format, a
 * birth date's layout) and each invalid value, keyed by proto field name; {@code invalid} gives the reason for each
 * value that was invalid and is therefore absent from the normalized fields and never used for matching.
 *
 * <p>Fields after {@code country} arrived with identity resolution, without a revision change (none was needed: they
 * are optional); payloads stored before lack them and read as empty. See {@code docs/events.md}.
 */
public record PersonData(
        @PersonalData String firstName,
        @PersonalData String lastName,
        @PersonalData String email,
        @PersonalData String phone,
        @PersonalData LocalDate birthDate,
        @PersonalData String address,
        String country,
        @PersonalData String postalCode,
        @PersonalData String locality,
        String region,
        @PersonalData Map<String, String> externalIds,
        @PersonalData Map<String, String> originals,
        Map<String, String> invalid) {

    public PersonData {
        externalIds = sorted(externalIds);
        originals = sorted(originals);
        invalid = sorted(invalid);
    }

    /** A person with the basic fields only. */
    public PersonData(String firstName, String lastName, String email, String phone, LocalDate birthDate,
                      String address, String country) {
        this(firstName, lastName, email, phone, birthDate, address, country, null, null, null, null, null, null);
    }

    public static PersonData empty() {
        return new PersonData(null, null, null, null, null, null, null);
    }

    private static Map<String, String> sorted(Map<String, String> values) {
        return values == null || values.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(values));
    }
}
