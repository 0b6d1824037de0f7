package dev.cdm.consent.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Restrict processing of the subject's data under request {@code requestId}. The result is the id of the request
 * whose restriction is in force: this one, or an earlier one still in force.
 */
public record RestrictProcessingCommand(String subjectId, String requestId, Instant restrictedAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return RecordConsentCommand.aggregateIdOf(subjectId);
    }
}
