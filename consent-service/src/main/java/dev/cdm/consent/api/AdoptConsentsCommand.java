package dev.cdm.consent.api;

import dev.cdm.kernel.events.ConsentsAdoptedEvent;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take over {@code transfer} from {@code fromSubjectId}; sent once more, it changes nothing. */
public record AdoptConsentsCommand(String subjectId, String fromSubjectId, ConsentsAdoptedEvent.Reason reason,
                                   ConsentTransfer transfer, Instant adoptedAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return RecordConsentCommand.aggregateIdOf(subjectId);
    }
}
