package dev.cdm.consent.query;

import dev.cdm.consent.api.ConsentLedger;
import dev.cdm.consent.api.SubjectConsentsView;
import dev.cdm.kernel.events.SubjectConsentEvent;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;

/**
 * Keeps the consent read model: per subject, their ledger (the decision in force per purpose and channel, the
 * sale opt-out, the restriction in force, the profile they were merged into). Idempotent: every subject remembers the sequence number of the
 * last event applied to it, so an event delivered again changes nothing. Everything it writes comes from the
 * events, so a replay rebuilds the same documents.
 */
@ProcessingGroup(ConsentViewProjection.NAME)
public class ConsentViewProjection {

    public static final String NAME = "consent-view";

    private final ConsentViewRepository repository;

    public ConsentViewProjection(ConsentViewRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(SubjectConsentEvent event, @SequenceNumber long sequence) {
        apply(event.subjectId(), event, sequence);
    }

    @ResetHandler
    void onReset() {
        repository.dropAll();
    }

    private void apply(String subjectId, Object event, long sequence) {
        Optional<SubjectConsentsView> current = repository.find(subjectId);
        if (current.isPresent() && current.get().version() >= sequence) {
            return;
        }
        ConsentLedger ledger = current.map(SubjectConsentsView::ledger).orElseGet(ConsentLedger::new);
        ledger.apply(event);
        repository.saveIfNewer(SubjectConsentsView.of(subjectId, ledger, sequence));
    }
}
