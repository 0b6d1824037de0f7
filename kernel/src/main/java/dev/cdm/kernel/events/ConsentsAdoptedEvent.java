package dev.cdm.kernel.events;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The subject took over decisions of {@code fromSubjectId}: all of them when that profile was merged into this
 * one ({@link Reason#MERGE}), only its refusals and sale opt-out when this profile was split off from it
 * ({@link Reason#SPLIT}). Per purpose and channel, the more recent decision is the one in force.
 * {@code saleOptOut} may be null.
 */
@EventType("cdm.consent.ConsentsAdopted")
@Revision("1")
public record ConsentsAdoptedEvent(String subjectId, String fromSubjectId, Reason reason,
                                   List<ConsentDecision> decisions, SaleOptOut saleOptOut, Instant adoptedAt)
        implements SubjectConsentEvent {

    public enum Reason {
        MERGE,
        SPLIT
    }

    public ConsentsAdoptedEvent {
        decisions = List.copyOf(decisions);
    }
}
