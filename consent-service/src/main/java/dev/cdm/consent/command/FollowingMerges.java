package dev.cdm.consent.command;

import dev.cdm.consent.api.SubjectMergedException;
import java.util.function.Function;

/**
 * Sends a subject's command to the profile that holds their decisions: when the subject refuses it because their
 * profile was merged, the command is made again for the survivor, through as many merges as there were.
 */
public final class FollowingMerges {

    static final int MAX_MERGES = 64;

    private FollowingMerges() {
    }

    /** The result and the subject that accepted the command. */
    public record Sent<R>(String subjectId, R result) {
    }

    public static <R> Sent<R> send(String subjectId, Function<String, Object> commandFor,
                                   Function<Object, R> sender) {
        String target = subjectId;
        for (int merges = 0; ; merges++) {
            try {
                return new Sent<>(target, sender.apply(commandFor.apply(target)));
            } catch (RuntimeException e) {
                SubjectMergedException merged = SubjectMergedException.in(e).orElseThrow(() -> e);
                if (merges >= MAX_MERGES) {
                    throw e;
                }
                target = merged.survivorSubjectId();
            }
        }
    }
}
