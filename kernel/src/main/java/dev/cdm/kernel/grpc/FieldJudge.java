package dev.cdm.kernel.grpc;

import java.util.Map;
import java.util.TreeMap;

/**
 * Judges the fields of one person one by one: a valid value comes back normalized (and its original is kept when
 * normalization changed it); an invalid one is either a violation of the request or, when invalid fields are
 * dropped, kept as sent beside its reason.
 */
final class FieldJudge {

    /** Validates and normalizes a value; records violations instead of throwing. */
    @FunctionalInterface
    interface Rule<V, T> {
        T apply(V value, String field, FieldViolations violations);
    }

    /** An invalid value is kept (for the record's provenance) up to this many characters. */
    static final int MAX_KEPT = 500;

    private final String prefix;
    private final boolean dropInvalid;
    private final FieldViolations violations;
    private final Map<String, String> originals = new TreeMap<>();
    private final Map<String, String> invalid = new TreeMap<>();

    FieldJudge(String prefix, boolean dropInvalid, FieldViolations violations) {
        this.prefix = prefix;
        this.dropInvalid = dropInvalid;
        this.violations = violations;
    }

    <T> T judge(String field, String value, Rule<String, T> rule) {
        if (!dropInvalid) {
            T normalized = rule.apply(value, prefix + "." + field, violations);
            keepOriginalIfChanged(field, value, normalized);
            return normalized;
        }
        FieldViolations own = new FieldViolations();
        T normalized = rule.apply(value, prefix + "." + field, own);
        if (own.isEmpty()) {
            keepOriginalIfChanged(field, value, normalized);
            return normalized;
        }
        String kept = value.strip();
        originals.put(field, kept.length() > MAX_KEPT ? kept.substring(0, MAX_KEPT) : kept);
        invalid.put(field, String.join("; ", own.descriptions()));
        return null;
    }

    /**
     * As {@link #judge} for a field holding several values (the external ids): when invalid values are dropped, the
     * valid ones are kept and the reasons are recorded under {@code field}; the invalid values themselves are not
     * kept, as their keys need not be usable names.
     */
    Map<String, String> judgeAll(String field, Map<String, String> values,
                                 Rule<Map<String, String>, Map<String, String>> rule) {
        if (!dropInvalid) {
            return rule.apply(values, prefix + "." + field, violations);
        }
        FieldViolations own = new FieldViolations();
        Map<String, String> valid = rule.apply(values, prefix + "." + field, own);
        if (!own.isEmpty()) {
            invalid.put(field, String.join("; ", own.descriptions()));
        }
        return valid;
    }

    Map<String, String> originals() {
        return originals;
    }

    Map<String, String> invalid() {
        return invalid;
    }

    private void keepOriginalIfChanged(String field, String value, Object normalized) {
        if (normalized != null && !normalized.toString().equals(value.strip())) {
            originals.put(field, value.strip());
        }
    }
}
