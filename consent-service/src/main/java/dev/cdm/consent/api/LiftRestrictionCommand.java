package dev.cdm.consent.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Lift the restriction of processing in force; the result is the id of the request that had made it. */
public record LiftRestrictionCommand(String subjectId, String liftedBy, Instant liftedAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return RecordConsentCommand.aggregateIdOf(subjectId);
    }
}
