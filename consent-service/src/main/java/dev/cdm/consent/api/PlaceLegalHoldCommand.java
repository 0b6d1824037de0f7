package dev.cdm.consent.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Place legal hold {@code holdId}; the result is the hold in force: this one, or one placed earlier. */
public record PlaceLegalHoldCommand(String subjectId, String holdId, String reason, String placedBy,
                                    Instant placedAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return RecordConsentCommand.aggregateIdOf(subjectId);
    }
}
