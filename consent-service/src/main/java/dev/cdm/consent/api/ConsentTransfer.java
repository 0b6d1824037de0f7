package dev.cdm.consent.api;

import dev.cdm.kernel.events.ConsentDecision;
import dev.cdm.kernel.events.SaleOptOut;
import java.util.List;

/** Decisions that move from one subject to another with a merge or a split; {@code saleOptOut} may be null. */
public record ConsentTransfer(List<ConsentDecision> decisions, SaleOptOut saleOptOut) {

    public ConsentTransfer {
        decisions = List.copyOf(decisions);
    }

    /** Everything the ledger holds: what a merge moves to the surviving profile. */
    public static ConsentTransfer allOf(ConsentLedger ledger) {
        return new ConsentTransfer(ledger.decisions(), ledger.saleOptOut().orElse(null));
    }

    /** Only what limits processing: what a profile split off inherits, as nobody showed it granted anything. */
    public static ConsentTransfer refusalsOf(ConsentLedger ledger) {
        return new ConsentTransfer(ledger.refusals(), ledger.forbidsSale() ? ledger.saleOptOut().get() : null);
    }

    public boolean isEmpty() {
        return decisions.isEmpty() && saleOptOut == null;
    }
}
