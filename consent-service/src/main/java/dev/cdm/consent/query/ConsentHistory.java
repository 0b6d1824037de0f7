package dev.cdm.consent.query;

import dev.cdm.consent.api.ConsentLedger;
import dev.cdm.consent.api.RecordConsentCommand;
import dev.cdm.consent.api.SubjectLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Consent ledgers folded straight from the event store: exact (no read model lag) and at any point in time, so
 * "what had they agreed to on that date" is answered by the history itself.
 */
@ApplicationScoped
public class ConsentHistory {

    private final EventStore events;

    @Inject
    public ConsentHistory(EventStore events) {
        this.events = events;
    }

    /** The subject's own ledger with every event up to {@code asOf} (null: all of them); merges not followed. */
    public ConsentLedger ownLedger(String subjectId, Instant asOf) {
        ConsentLedger ledger = new ConsentLedger();
        DomainEventStream stream = events.readEvents(RecordConsentCommand.aggregateIdOf(subjectId));
        while (stream.hasNext()) {
            Object event = stream.next().getPayload();
            Instant at = ConsentLedger.timeOf(event);
            if (asOf != null && at != null && at.isAfter(asOf)) {
                break;
            }
            ledger.apply(event);
        }
        return ledger;
    }

    /** The ledger that governed {@code subjectId} at {@code asOf} (null: now), following the merges made by then. */
    public SubjectLedger ledgerOf(String subjectId, Instant asOf) {
        return SubjectLedger.follow(subjectId, id -> ownLedger(id, asOf));
    }
}
