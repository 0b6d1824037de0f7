package dev.cdm.consent.policy;

import dev.cdm.kernel.events.SubjectConsentEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;

/**
 * Evicts a subject's cached ledger when one of their consent events is stored. Every instance of the service runs
 * its own copy from the head of the store (its token is kept in memory), so every instance's cache hears of every
 * change, wherever it was made.
 */
@ProcessingGroup(LedgerCacheInvalidator.NAME)
@DisallowReplay
public class LedgerCacheInvalidator {

    public static final String NAME = "consent-policy-cache";

    private final CurrentLedgers ledgers;

    public LedgerCacheInvalidator(CurrentLedgers ledgers) {
        this.ledgers = ledgers;
    }

    @EventHandler
    void on(SubjectConsentEvent event) {
        ledgers.evict(event.subjectId());
    }
}
