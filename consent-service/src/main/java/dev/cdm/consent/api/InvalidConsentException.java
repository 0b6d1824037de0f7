package dev.cdm.consent.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The decision itself breaks a rule, whatever the subject's state. {@code violations} maps each offending field
 * (record component path, e.g. {@code proof.capturedAt}) to what is wrong with it.
 */
public class InvalidConsentException extends RuntimeException {

    private final Map<String, String> violations;

    public InvalidConsentException(Map<String, String> violations) {
        super(describe(violations));
        this.violations = new LinkedHashMap<>(violations);
    }

    public Map<String, String> violations() {
        return Collections.unmodifiableMap(violations);
    }

    private static String describe(Map<String, String> violations) {
        StringBuilder text = new StringBuilder();
        violations.forEach((field, problem) -> text.append(text.isEmpty() ? "" : "; ").append(field)
                .append(": ").append(problem));
        return text.toString();
    }
}
