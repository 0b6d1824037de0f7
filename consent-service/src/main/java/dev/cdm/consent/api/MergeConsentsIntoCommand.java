package dev.cdm.consent.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The subject's profile was merged into {@code survivorSubjectId}: from now on its decisions are recorded there.
 * The result is the {@link ConsentTransfer} of everything it had decided, also when it was merged before.
 */
public record MergeConsentsIntoCommand(String subjectId, String survivorSubjectId, Instant mergedAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return RecordConsentCommand.aggregateIdOf(subjectId);
    }
}
