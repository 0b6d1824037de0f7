package dev.cdm.kernel.events;

import java.util.List;

/**
 * The keyed HMACs ({@code SuppressionKeys}) of an erased subject's emails and phones, for the services to find
 * what they hold of the subject outside its records (a reject of a record that never reached a profile). They are
 * sealed under the erasure request's own data key, which the request destroys once every service has
 * acknowledged: while the erasure runs they can be read, and after it nobody can tell whose identifiers they were.
 */
public record ErasedIdentifiers(@DataSubject String requestKey, @PersonalData List<String> keys) {

    public ErasedIdentifiers {
        keys = keys == null ? List.of() : List.copyOf(keys); // null once the request's key is destroyed
    }

    public static ErasedIdentifiers of(String requestId, List<String> keys) {
        return new ErasedIdentifiers(requestKeyOf(requestId), keys);
    }

    /** The data subject whose key seals the identifiers of request {@code requestId}. */
    public static String requestKeyOf(String requestId) {
        return "dsr:" + requestId;
    }
}
