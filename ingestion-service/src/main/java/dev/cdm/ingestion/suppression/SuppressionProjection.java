package dev.cdm.ingestion.suppression;

import dev.cdm.kernel.events.IdentifiersSuppressedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

/** Keeps the suppression list from the history, so a replay rebuilds it. Idempotent: keys are stored by id. */
@ProcessingGroup(SuppressionProjection.NAME)
public class SuppressionProjection {

    public static final String NAME = "suppression-list";

    private final SuppressionList list;

    public SuppressionProjection(SuppressionList list) {
        this.list = list;
    }

    @EventHandler
    void on(IdentifiersSuppressedEvent event) {
        list.add(event.requestId(), event.suppressionKeys());
    }

    @ResetHandler
    void onReset() {
        list.dropAll();
    }
}
