package dev.cdm.kernel.grpc;

import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.identity.BirthDates;
import dev.cdm.kernel.identity.Identifiers;
import dev.cdm.proto.v1.InvalidFieldPolicy;
import dev.cdm.proto.v1.PersonFields;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Validates and normalizes person fields arriving over gRPC, and maps them back. Every service that accepts
 * person fields goes through here, so a field is judged the same way wherever it enters. Messages never repeat
 * the offending value: it is personal data.
 */
public final class PersonFieldsMapper {

    static final int MAX_NAME = 200;
    public static final int MAX_EMAIL = 254;
    static final int MAX_ADDRESS = 500;
    static final int MAX_KEY = 200;
    static final int MAX_SHORT = 40;
    static final int MAX_ID = 100;
    static final int MAX_EXTERNAL_IDS = 20;
    private static final Pattern ID_TYPE = Pattern.compile("^[a-z0-9_]{1,40}$");
    public static final String EMAIL_RULE = "is not an email address (expected local@domain.tld)";
    public static final String EXTERNAL_ID_TYPE_RULE = "type names are 1-40 characters of a-z, 0-9 and _";
    private static final Pattern CONTROL_BUT_NEWLINE = Pattern.compile("[\\p{Cntrl}&&[^\\n]]");
    private static final LocalDate OLDEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private PersonFieldsMapper() {
    }

    public static SourceRecordKey toKey(dev.cdm.proto.v1.SourceRecordKey key, FieldViolations violations) {
        String source = violations.requiredText("key.source", key.getSource(), MAX_KEY);
        violations.requiredText("key.source_record_id", key.getSourceRecordId(), MAX_KEY);
        if (SourceRecordKey.RECTIFICATION.equals(source)) {
            violations.add("key.source", "'" + SourceRecordKey.RECTIFICATION + "' is reserved for the corrections of"
                    + " data-subject requests (cdm dsr rectify)");
        }
        return new SourceRecordKey(key.getSource().strip(), key.getSourceRecordId().strip());
    }

    /** The normalized person; every invalid field is recorded under {@code prefix} (e.g. {@code person}). */
    public static PersonData toPersonData(PersonFields fields, String prefix, LocalDate today,
                                          FieldViolations violations) {
        return toPersonData(fields, prefix, today, InvalidFieldPolicy.INVALID_FIELD_POLICY_REJECT_RECORD, violations);
    }

    /**
     * The normalized person. Under {@code DROP_FIELD} an invalid field is left out of the normalized values and
     * kept as sent in {@link PersonData#originals()} with its reason in {@link PersonData#invalid()}; otherwise it
     * is a violation under {@code prefix}. A person without any identifying field is a violation either way.
     */
    public static PersonData toPersonData(PersonFields fields, String prefix, LocalDate today,
                                          InvalidFieldPolicy policy, FieldViolations violations) {
        return toPersonData(fields, prefix, today, policy, null, violations);
    }

    /**
     * As above; a phone in national format without the record's country is read in {@code defaultCountry}
     * (ISO 3166-1 alpha-2, null for none). The record's country stays as given.
     */
    public static PersonData toPersonData(PersonFields fields, String prefix, LocalDate today,
                                          InvalidFieldPolicy policy, String defaultCountry,
                                          FieldViolations violations) {
        FieldJudge judge = new FieldJudge(prefix, policy == InvalidFieldPolicy.INVALID_FIELD_POLICY_DROP_FIELD,
                violations);
        String country = judge.judge("country", fields.getCountry(), PersonFieldsMapper::country);
        PersonData person = new PersonData(
                judge.judge("first_name", fields.getFirstName(), PersonFieldsMapper::name),
                judge.judge("last_name", fields.getLastName(), PersonFieldsMapper::name),
                judge.judge("email", fields.getEmail(), PersonFieldsMapper::email),
                judge.judge("phone", fields.getPhone(),
                        (v, f, vs) -> phone(v, country != null ? country : defaultCountry, f, vs)),
                judge.judge("birth_date", fields.getBirthDate(), (v, f, vs) -> birthDate(v, today, f, vs)),
                judge.judge("address", fields.getAddress(), PersonFieldsMapper::address),
                country,
                judge.judge("postal_code", fields.getPostalCode(), PersonFieldsMapper::shortText),
                judge.judge("locality", fields.getLocality(), PersonFieldsMapper::name),
                judge.judge("region", fields.getRegion(), PersonFieldsMapper::shortText),
                judge.judgeAll("external_ids", fields.getExternalIdsMap(), PersonFieldsMapper::externalIds),
                judge.originals(),
                judge.invalid());
        boolean nothingGiven = fields.getEmail().isBlank() && fields.getPhone().isBlank()
                && fields.getLastName().isBlank() && fields.getExternalIdsCount() == 0;
        boolean nothingValid = person.email() == null && person.phone() == null && person.lastName() == null
                && person.externalIds().isEmpty();
        if (nothingGiven) {
            violations.add(prefix, "at least one of email, phone, last_name or an external id is required");
        } else if (nothingValid && !person.invalid().isEmpty()) {
            violations.add(prefix, "no valid email, phone, last_name or external id is left");
        }
        return person;
    }

    /** The proto names of the fields {@code person} holds, e.g. {@code email}, {@code external_ids.loyalty}. */
    public static List<String> fieldNames(PersonData person) {
        PersonFields proto = toProto(person);
        List<String> names = new ArrayList<>();
        proto.getAllFields().keySet().stream()
                .filter(field -> !field.isMapField())
                .forEach(field -> names.add(field.getName()));
        proto.getExternalIdsMap().keySet().stream().sorted().forEach(type -> names.add("external_ids." + type));
        return names;
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
        if (person.postalCode() != null) proto.setPostalCode(person.postalCode());
        if (person.locality() != null) proto.setLocality(person.locality());
        if (person.region() != null) proto.setRegion(person.region());
        proto.putAllExternalIds(person.externalIds());
        return proto.build();
    }

    private static String name(String value, String field, FieldViolations violations) {
        return violations.optionalText(field, value, MAX_NAME);
    }

    private static String shortText(String value, String field, FieldViolations violations) {
        return violations.optionalText(field, value, MAX_SHORT);
    }

    /** Lines separated by newlines; other control characters are refused. */
    private static String address(String value, String field, FieldViolations violations) {
        String lines = String.join("\n", value.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        if (lines.isEmpty()) {
            return null;
        }
        if (lines.length() > MAX_ADDRESS || CONTROL_BUT_NEWLINE.matcher(lines).find()) {
            violations.add(field, "must be at most " + MAX_ADDRESS + " printable characters (lines may be separated by"
                    + " newlines)");
            return null;
        }
        return lines;
    }

    private static Map<String, String> externalIds(Map<String, String> ids, String field,
                                                   FieldViolations violations) {
        if (ids.size() > MAX_EXTERNAL_IDS) {
            violations.add(field, "at most " + MAX_EXTERNAL_IDS + " external ids");
            return Map.of();
        }
        Map<String, String> valid = new TreeMap<>();
        ids.forEach((type, value) -> {
            if (!isExternalIdType(type)) {
                violations.add(field, EXTERNAL_ID_TYPE_RULE);
                return;
            }
            String id = violations.optionalText(field + "." + type, value, MAX_ID);
            if (id != null) {
                valid.put(type, id);
            }
        });
        return valid;
    }

    private static String email(String value, String field, FieldViolations violations) {
        String email = violations.optionalText(field, value, MAX_EMAIL);
        if (email == null) {
            return null;
        }
        if (!isEmail(email)) {
            violations.add(field, EMAIL_RULE);
            return null;
        }
        return Identifiers.normalizeEmail(email);
    }

    /** Whether {@code email}, normalized, has the shape local@domain.tld. */
    public static boolean isEmail(String email) {
        return EMAIL.matcher(Identifiers.normalizeEmail(email)).matches();
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

    /** The ISO 3166-1 alpha-2 code {@code value} gives (any case), null when blank or not a code (a violation). */
    public static String country(String value, String field, FieldViolations violations) {
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

    /** Whether {@code type} is a well-formed external id type, such as {@code loyalty} or {@code soc_sec_id}. */
    public static boolean isExternalIdType(String type) {
        return ID_TYPE.matcher(type).matches();
    }
}
