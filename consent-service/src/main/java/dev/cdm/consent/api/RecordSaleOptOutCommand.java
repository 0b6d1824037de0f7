package dev.cdm.consent.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record the subject's "do not sell or share" choice; {@code recordedAt} is the caller's "now". */
public record RecordSaleOptOutCommand(String subjectId, boolean optedOut, String source, Instant recordedAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return RecordConsentCommand.aggregateIdOf(subjectId);
    }
}
