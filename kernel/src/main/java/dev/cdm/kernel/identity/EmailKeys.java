package dev.cdm.kernel.identity;

import java.util.Set;

/**
 * Match keys for e-mail addresses: the provider's own delivery rules applied, so that addresses reaching the same
 * mailbox compare equal. A key is for matching only; the address the customer gave is stored unchanged.
 *
 * <ul>
 *   <li>Gmail ({@code gmail.com}, {@code googlemail.com}): dots in the local part are ignored and everything from
 *       the first {@code +} is a tag; {@code googlemail.com} is the same service, keyed as {@code gmail.com}.</li>
 *   <li>Providers documenting {@code +tag} sub-addressing for their consumer domains ({@link #PLUS_TAG_DOMAINS}):
 *       Microsoft (outlook, hotmail, live, msn), Apple iCloud (icloud, me, mac), Fastmail, Proton; the tag is
 *       dropped, dots are kept (they are significant there).</li>
 *   <li>Every other domain: unchanged. Elsewhere {@code +} may be a real character of the mailbox (and Yahoo uses
 *       {@code -} for its aliases), so dropping it could merge two people.</li>
 * </ul>
 */
public final class EmailKeys {

    static final Set<String> GMAIL_DOMAINS = Set.of("gmail.com", "googlemail.com");
    static final Set<String> PLUS_TAG_DOMAINS = Set.of(
            "outlook.com", "hotmail.com", "live.com", "msn.com",
            "icloud.com", "me.com", "mac.com",
            "fastmail.com", "fastmail.fm",
            "proton.me", "protonmail.com", "pm.me");

    private EmailKeys() {
    }

    /** The match key of an address already normalized by {@link Identifiers#normalizeEmail}. */
    public static String matchKey(String normalizedEmail) {
        int at = normalizedEmail.lastIndexOf('@');
        if (at <= 0) {
            return normalizedEmail;
        }
        String local = normalizedEmail.substring(0, at);
        String domain = normalizedEmail.substring(at + 1);
        if (GMAIL_DOMAINS.contains(domain)) {
            return keyed(withoutTag(local).replace(".", ""), "gmail.com", normalizedEmail);
        }
        if (PLUS_TAG_DOMAINS.contains(domain)) {
            return keyed(withoutTag(local), domain, normalizedEmail);
        }
        return normalizedEmail;
    }

    private static String withoutTag(String local) {
        int plus = local.indexOf('+');
        return plus < 0 ? local : local.substring(0, plus);
    }

    /** A local part that becomes empty ({@code +news@gmail.com}) is no mailbox: keep the address as given. */
    private static String keyed(String local, String domain, String original) {
        return local.isEmpty() ? original : local + "@" + domain;
    }
}
