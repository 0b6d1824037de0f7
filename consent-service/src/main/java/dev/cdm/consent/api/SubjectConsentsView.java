package dev.cdm.consent.api;

import dev.cdm.kernel.events.ConsentDecision;
import dev.cdm.kernel.events.SaleOptOut;
import java.util.List;
import java.util.Objects;

/**
 * The read model of one data subject: their {@link ConsentLedger} as stored, with the sequence number of the last
 * event applied ({@code version}). {@code saleOptOut}, {@code restrictedBy}, {@code legalHold} and
 * {@code mergedInto} may be null.
 */
public record SubjectConsentsView(String subjectId, List<ConsentDecision> consents, SaleOptOut saleOptOut,
                                  String restrictedBy, LegalHold legalHold, String mergedInto, long version) {

    public SubjectConsentsView {
        Objects.requireNonNull(subjectId, "subjectId");
        consents = List.copyOf(consents);
    }

    public static SubjectConsentsView empty(String subjectId) {
        return new SubjectConsentsView(subjectId, List.of(), null, null, null, null, -1);
    }

    public static SubjectConsentsView of(String subjectId, ConsentLedger ledger, long version) {
        return new SubjectConsentsView(subjectId, ledger.decisions(), ledger.saleOptOut().orElse(null),
                ledger.restrictedBy().orElse(null), ledger.legalHold().orElse(null), ledger.mergedInto().orElse(null),
                version);
    }

    public ConsentLedger ledger() {
        return ConsentLedger.of(consents, saleOptOut, restrictedBy, legalHold, mergedInto);
    }
}
