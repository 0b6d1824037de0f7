package dev.cdm.consent.query;

import dev.cdm.consent.api.ConsentView;
import dev.cdm.consent.api.SubjectConsentsView;
import dev.cdm.kernel.events.ConsentRecordedEvent;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;

/**
 * Keeps the consent read model: per subject, the decision in force per purpose and channel. Idempotent: every
 * subject remembers the sequence number of the last event applied to it, so an event delivered again changes
 * nothing. Everything it writes comes from the events, so a replay rebuilds the same documents.
 */
@ProcessingGroup(ConsentViewProjection.NAME)
public class ConsentViewProjection {

    public static final String NAME = "consent-view";

    private final ConsentViewRepository repository;

    public ConsentViewProjection(ConsentViewRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(ConsentRecordedEvent event, @SequenceNumber long sequence) {
        Optional<SubjectConsentsView> current = repository.find(event.subjectId());
        if (current.isPresent() && current.get().version() >= sequence) {
            return;
        }
        ConsentView decision = new ConsentView(event.purpose(), event.channel(), event.status(), event.legalBasis(),
                event.proof(), event.expiresAt(), event.recordedAt());
        SubjectConsentsView next = current.orElseGet(() -> SubjectConsentsView.empty(event.subjectId()))
                .with(decision, sequence);
        repository.saveIfNewer(next);
    }

    @ResetHandler
    void onReset() {
        repository.dropAll();
    }
}
