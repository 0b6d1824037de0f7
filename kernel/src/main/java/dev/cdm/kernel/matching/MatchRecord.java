package dev.cdm.kernel.matching;

import java.util.List;
import java.util.Map;

/**
 * The person fields a match compares. Any field may be null or blank (missing); {@code birthDate} is in a layout
 * {@code identity.BirthDates} accepts; {@code externalIds} maps an id type ({@code soc_sec_id}) to its value.
 */
public record MatchRecord(String givenName, String surname, String birthDate, List<String> addressLines,
                          String postcode, String locality, String state, String country, String email,
                          String phone, Map<String, String> externalIds) {

    public MatchRecord {
        addressLines = addressLines == null ? List.of() : List.copyOf(addressLines);
        externalIds = externalIds == null ? Map.of() : Map.copyOf(externalIds);
    }
}
