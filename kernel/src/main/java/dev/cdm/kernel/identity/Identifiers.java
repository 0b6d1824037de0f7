package dev.cdm.kernel.identity;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The one place where identifiers are brought to the form they are stored and looked up in, so that ingestion
 * and queries always agree.
 */
public final class Identifiers {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private Identifiers() {
    }

    /** Trimmed, Unicode-normalized (NFKC) and lower-cased. */
    public static String normalizeEmail(String email) {
        return Normalizer.normalize(email.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /**
     * The number in E.164 ({@code +4930123456}), or empty when it is not a valid number. A national number is read
     * in {@code region} (ISO 3166-1 alpha-2, may be null when the number is international).
     */
    public static Optional<String> normalizePhone(String phone, String region) {
        try {
            PhoneNumber number = PHONES.parse(phone, region == null ? null : region.toUpperCase(Locale.ROOT));
            if (!PHONES.isValidNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** The key of a lookup document: {@code email:<normalized>}. */
    public static String emailKey(String normalizedEmail) {
        return "email:" + normalizedEmail;
    }

    /** The key of a lookup document: {@code phone:<E.164>}. */
    public static String phoneKey(String e164) {
        return "phone:" + e164;
    }

    /** The key of a lookup document: {@code ext:<type>:<value>}. */
    public static String externalIdKey(String type, String value) {
        return "ext:" + type + ":" + value.strip();
    }
}
