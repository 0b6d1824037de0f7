package dev.cdm.kernel.grpc;

import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.identity.BirthDates;
import dev.cdm.kernel.identity.Identifiers;
import dev.cdm.proto.v1.PersonFields;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates and normalizes person fields arriving over gRPC, and maps them back. Every service that accepts
 * person fields goes through here, so a field is judged the same way wherever it enters. Messages never repeat
 * the offending value: it is personal data.
 */
public final class PersonFieldsMapper {

    static final int MAX_NAME = 200;
    static final int MAX_EMAIL = 254;
    static final int MAX_ADDRESS = 500;
    static final int MAX_KEY = 200;
    private static final LocalDate OLDEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private PersonFieldsMapper() {
    }

    public static SourceRecordKey toKey(dev.cdm.proto.v1.SourceRecordKey key, FieldViolations violations) {
        violations.requiredText("key.source", key.getSource(), MAX_KEY);
        violations.requiredText("key.source_record_id", key.getSourceRecordId(), MAX_KEY);
        return new SourceRecordKey(key.getSource().strip(), key.getSourceRecordId().strip());
    }

    /** The normalized person, or null with violations recorded under {@code prefix} (e.g. {@code person}). */
    public static PersonData toPersonData(PersonFields fields, String prefix, LocalDate today,
                                          FieldViolations violations) {
        String country = country(fields.getCountry(), prefix + ".country", violations);
        PersonData person = new PersonData(
                name(fields.getFirstName(), prefix + ".first_name", violations),
                name(fields.getLastName(), prefix + ".last_name", violations),
                email(fields.getEmail(), prefix + ".email", violations),
                phone(fields.getPhone(), country, prefix + ".phone", violations),
                birthDate(fields.getBirthDate(), today, prefix + ".birth_date", violations),
                violations.optionalText(prefix + ".address", fields.getAddress(), MAX_ADDRESS),
                country);
        if (fields.getEmail().isBlank() && fields.getPhone().isBlank() && fields.getLastName().isBlank()) {
            violations.add(prefix, "at least one of email, phone or last_name is required");
        }
        return person;
    }

    public static PersonFields toProto(PersonData person) {
        PersonFields.Builder proto = PersonFields.newBuilder();
        if (person.firstName() != null) proto.setFirstName(person.firstName());
        if (person.lastName() != null) proto.setLastName(person.lastName());
        if (person.email() != null) proto.setEmail(person.email());
        if (person.phone() != null) proto.setPhone(person.phone());
        if (person.birthDate() != null) proto.setBirthDate(person.birthDate().toString());
        if (person.address() != null) proto.setAddress(person.address());
        if (person.country() != null) proto.setCountry(person.country());
        return proto.build();
    }

    private static String name(String value, String field, FieldViolations violations) {
        return violations.optionalText(field, value, MAX_NAME);
    }

    private static String email(String value, String field, FieldViolations violations) {
        String email = violations.optionalText(field, value, MAX_EMAIL);
        if (email == null) {
            return null;
        }
        String normalized = Identifiers.normalizeEmail(email);
        if (!EMAIL.matcher(normalized).matches()) {
            violations.add(field, "is not an email address (expected local@domain.tld)");
            return null;
        }
        return normalized;
    }

    private static String phone(String value, String region, String field, FieldViolations violations) {
        if (value.isBlank()) {
            return null;
        }
        return Identifiers.normalizePhone(value, region).orElseGet(() -> {
            violations.add(field, region == null
                    ? "is not a valid international phone number (give +<country code> or the record's country)"
                    : "is not a valid phone number for country " + region);
            return null;
        });
    }

    private static LocalDate birthDate(String value, LocalDate today, String field, FieldViolations violations) {
        if (value.isBlank()) {
            return null;
        }
        BirthDates.Parsed parsed = BirthDates.parse(value);
        if (!parsed.isValid()) {
            violations.add(field, parsed.reason());
            return null;
        }
        LocalDate date = parsed.date();
        if (date.isAfter(today) || date.isBefore(OLDEST_BIRTH_DATE)) {
            violations.add(field, "must lie between " + OLDEST_BIRTH_DATE + " and today");
            return null;
        }
        return date;
    }

    private static String country(String value, String field, FieldViolations violations) {
        if (value.isBlank()) {
            return null;
        }
        String code = value.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(code)) {
            violations.add(field, "is not an ISO 3166-1 alpha-2 country code");
            return null;
        }
        return code;
    }
}
