package dev.cdm.profile.grpc;

import dev.cdm.kernel.crypto.DataKeys;
import dev.cdm.kernel.grpc.FieldViolations;
import dev.cdm.profile.query.ProfileSearch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * The page tokens of SearchProfiles: the search-order position after which the next page starts, and the search it
 * belongs to, sealed (AES-GCM) under a platform data key. The position holds folded names, possibly of a profile the
 * caller was not allowed to read, so a token must not show it; sealing also makes a token that was altered, or made
 * for another search, fail to open rather than start somewhere else.
 */
@ApplicationScoped
class SearchPageTokens {

    /** The data subject whose key seals page tokens: the platform's, never erased with a person. */
    static final String SUBJECT = "cdm:search-page-tokens";
    static final String FIELD = "page_token";
    /** A token of a 100-character prefix and position is well under this; anything longer is not one of ours. */
    private static final int MAX_TOKEN = 2000;
    private static final char SEPARATOR = '\n';
    /** AES-GCM's nonce (12 bytes) and tag (16 bytes): a shorter token cannot have been sealed. */
    private static final int SEALING_OVERHEAD = 28;

    private final DataKeys keys;

    @Inject
    SearchPageTokens(DataKeys keys) {
        this.keys = keys;
    }

    String seal(ProfileSearch search, String after) {
        byte[] plain = (query(search) + SEPARATOR + after).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(keys.keyFor(SUBJECT).encrypt(plain));
    }

    /** The position {@code token} holds for {@code search}; null, with a violation, when it holds none. */
    String open(String token, ProfileSearch search, FieldViolations violations) {
        String plain = plain(token);
        int separator = plain == null ? -1 : plain.indexOf(SEPARATOR);
        if (separator < 0) {
            violations.add(FIELD, "is not a page token of SearchProfiles");
            return null;
        }
        if (!plain.substring(0, separator).equals(query(search))) {
            violations.add(FIELD, "was made for another name_prefix or country");
            return null;
        }
        return plain.substring(separator + 1);
    }

    private String plain(String token) {
        if (token.length() > MAX_TOKEN) {
            return null;
        }
        byte[] sealed;
        try {
            sealed = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        if (sealed.length < SEALING_OVERHEAD) {
            return null;
        }
        DataKeys.SubjectKey key = keys.keyFor(SUBJECT);
        try {
            return new String(key.decrypt(sealed), StandardCharsets.UTF_8);
        } catch (IllegalStateException altered) {
            return null;
        }
    }

    private static String query(ProfileSearch search) {
        return Objects.toString(search.namePrefix(), "") + "\u0001" + Objects.toString(search.country(), "");
    }
}
