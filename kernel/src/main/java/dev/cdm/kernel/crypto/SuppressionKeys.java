package dev.cdm.kernel.crypto;

import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.identity.Identifiers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The suppression keys of a person's identifiers: HMAC-SHA256 of each lookup key ({@code email:…},
 * {@code phone:…}) under the platform's suppression key, a data key of its own in {@code cdm_data_keys} wrapped by
 * the master key. Without that key a suppression key says nothing: it is not the unsalted hash of an identifier,
 * and two platforms with different master keys never share one.
 */
public final class SuppressionKeys {

    /** The data subject whose data key salts every suppression key. */
    public static final String SUBJECT = "cdm:suppression-list";

    private final DataKeys keys;

    public SuppressionKeys(DataKeys keys) {
        this.keys = keys;
    }

    /** The keys of the email and phone {@code person} holds (normalized as the lookups normalize them). */
    public List<String> of(PersonData person) {
        return of(person.email(), person.phone(), person.country());
    }

    /** The keys of an email and a phone as sent (either may be null or blank); the phone is read in {@code country}. */
    public List<String> of(String email, String phone, String country) {
        List<String> lookups = new ArrayList<>();
        if (email != null && !email.isBlank()) {
            lookups.add(Identifiers.emailKey(Identifiers.normalizeEmail(email)));
        }
        if (phone != null && !phone.isBlank()) {
            Identifiers.normalizePhone(phone, country).ifPresent(e164 -> lookups.add(Identifiers.phoneKey(e164)));
        }
        return keyed(lookups);
    }

    /** The keys of lookup keys ({@code email:…}, {@code phone:…}, {@code ext:…}) as {@code Identifiers} makes them. */
    public List<String> keyed(List<String> lookups) {
        if (lookups.isEmpty()) {
            return List.of();
        }
        Mac mac = mac();
        return lookups.stream()
                .map(lookup -> HexFormat.of().formatHex(mac.doFinal(lookup.getBytes(StandardCharsets.UTF_8))))
                .toList();
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.keyFor(SUBJECT).key().getEncoded(), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }
}
