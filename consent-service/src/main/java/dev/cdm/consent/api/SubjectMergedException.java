package dev.cdm.consent.api;

import java.util.Optional;

/** A decision was sent to a subject whose profile was merged into another one; it belongs there. */
public class SubjectMergedException extends RuntimeException {

    private final String survivorSubjectId;

    public SubjectMergedException(String subjectId, String survivorSubjectId) {
        super("Subject " + subjectId + " was merged into " + survivorSubjectId);
        this.survivorSubjectId = survivorSubjectId;
    }

    /** The merge that refused a command, found in {@code error}'s causes; empty when something else failed. */
    public static Optional<SubjectMergedException> in(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SubjectMergedException merged) {
                return Optional.of(merged);
            }
        }
        return Optional.empty();
    }

    public String survivorSubjectId() {
        return survivorSubjectId;
    }
}
