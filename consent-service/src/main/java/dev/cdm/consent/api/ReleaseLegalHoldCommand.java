package dev.cdm.consent.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Release the legal hold in force; the result is the hold that was released. */
public record ReleaseLegalHoldCommand(String subjectId, String releasedBy, Instant releasedAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return RecordConsentCommand.aggregateIdOf(subjectId);
    }
}
