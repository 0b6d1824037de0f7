package dev.cdm.consent.api;

import dev.cdm.kernel.events.ConsentDecision;
import dev.cdm.kernel.events.ConsentRecordedEvent;
import dev.cdm.kernel.events.ConsentsAdoptedEvent;
import dev.cdm.kernel.events.ConsentsMergedIntoEvent;
import dev.cdm.kernel.events.LegalHoldPlacedEvent;
import dev.cdm.kernel.events.LegalHoldReleasedEvent;
import dev.cdm.kernel.events.ProcessingRestrictedEvent;
import dev.cdm.kernel.events.ProcessingRestrictionLiftedEvent;
import dev.cdm.kernel.events.Purpose;
import dev.cdm.kernel.events.SaleOptOut;
import dev.cdm.kernel.events.SaleOptOutRecordedEvent;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one data subject has decided, folded from their consent events: per purpose and channel the latest
 * decision, their "do not sell or share" choice, the restriction of processing in force (GDPR Art. 18), the legal
 * hold in force, and the profile they were merged into, if any. The one place that
 * says which decision is in force; the aggregate, the read model and the as-of reader all fold through it.
 */
public final class ConsentLedger {

    private static final Comparator<ConsentDecision> ORDER = Comparator
            .comparing(ConsentDecision::purpose)
            .thenComparing(ConsentDecision::channel);

    private final Map<Scope, ConsentDecision> latest = new HashMap<>();
    private SaleOptOut saleOptOut;
    private String mergedInto;
    private String restrictedBy;
    private LegalHold legalHold;

    public static ConsentLedger of(List<ConsentDecision> decisions, SaleOptOut saleOptOut, String restrictedBy,
                                   LegalHold legalHold, String mergedInto) {
        ConsentLedger ledger = new ConsentLedger();
        decisions.forEach(d -> ledger.latest.put(Scope.of(d), d));
        ledger.saleOptOut = saleOptOut;
        ledger.restrictedBy = restrictedBy;
        ledger.legalHold = legalHold;
        ledger.mergedInto = mergedInto;
        return ledger;
    }

    /** Applies one of the subject's consent events; any other event changes nothing. */
    public void apply(Object event) {
        if (event instanceof ConsentRecordedEvent recorded) {
            latest.put(Scope.of(recorded.decision()), recorded.decision());
        } else if (event instanceof SaleOptOutRecordedEvent optOut) {
            saleOptOut = optOut.choice();
        } else if (event instanceof ConsentsMergedIntoEvent merged) {
            mergedInto = merged.survivorSubjectId();
        } else if (event instanceof ProcessingRestrictedEvent restricted) {
            restrictedBy = restricted.requestId();
        } else if (event instanceof ProcessingRestrictionLiftedEvent) {
            restrictedBy = null;
        } else if (event instanceof LegalHoldPlacedEvent hold) {
            legalHold = new LegalHold(hold.holdId(), hold.reason(), hold.placedBy(), hold.placedAt());
        } else if (event instanceof LegalHoldReleasedEvent) {
            legalHold = null;
        } else if (event instanceof ConsentsAdoptedEvent adopted) {
            adopted.decisions().forEach(this::adopt);
            if (adopted.saleOptOut() != null && (saleOptOut == null
                    || adopted.saleOptOut().recordedAt().isAfter(saleOptOut.recordedAt()))) {
                saleOptOut = adopted.saleOptOut();
            }
        }
    }

    /** The time an event of this ledger took effect; null for events that are not consent events. */
    public static Instant timeOf(Object event) {
        if (event instanceof ConsentRecordedEvent recorded) {
            return recorded.recordedAt();
        } else if (event instanceof SaleOptOutRecordedEvent optOut) {
            return optOut.recordedAt();
        } else if (event instanceof ConsentsMergedIntoEvent merged) {
            return merged.mergedAt();
        } else if (event instanceof ConsentsAdoptedEvent adopted) {
            return adopted.adoptedAt();
        } else if (event instanceof ProcessingRestrictedEvent restricted) {
            return restricted.restrictedAt();
        } else if (event instanceof ProcessingRestrictionLiftedEvent lifted) {
            return lifted.liftedAt();
        } else if (event instanceof LegalHoldPlacedEvent hold) {
            return hold.placedAt();
        } else if (event instanceof LegalHoldReleasedEvent released) {
            return released.releasedAt();
        }
        return null;
    }

    /** Every latest decision, expired ones included, by purpose and then channel. */
    public List<ConsentDecision> decisions() {
        return latest.values().stream().sorted(ORDER).toList();
    }

    /** The latest decisions that refuse processing: what a profile split off from this one inherits. */
    public List<ConsentDecision> refusals() {
        return decisions().stream().filter(ConsentDecision::isRefusal).toList();
    }

    public Optional<SaleOptOut> saleOptOut() {
        return Optional.ofNullable(saleOptOut);
    }

    /** True while the subject has opted out of the sale and sharing of their data. */
    public boolean forbidsSale() {
        return saleOptOut != null && saleOptOut.optedOut();
    }

    /** The data-subject request whose restriction of processing is in force, if one is. */
    public Optional<String> restrictedBy() {
        return Optional.ofNullable(restrictedBy);
    }

    /** The legal hold in force on the subject's data, if one is: erasure waits until it is released. */
    public Optional<LegalHold> legalHold() {
        return Optional.ofNullable(legalHold);
    }

    /** The profile this subject was merged into; its decisions are kept there. */
    public Optional<String> mergedInto() {
        return Optional.ofNullable(mergedInto);
    }

    public boolean isEmpty() {
        return latest.isEmpty() && saleOptOut == null && restrictedBy == null && legalHold == null
                && mergedInto == null;
    }

    /** The latest decision for exactly this purpose and channel, also when it has expired. */
    public Optional<ConsentDecision> latest(Purpose purpose, String channel) {
        return Optional.ofNullable(latest.get(new Scope(purpose, channel)));
    }

    /** The decision in force for exactly this purpose and channel at {@code now}: the latest, unless it expired. */
    public Optional<ConsentDecision> decisionFor(Purpose purpose, String channel, Instant now) {
        ConsentDecision decision = latest.get(new Scope(purpose, channel));
        if (decision == null || decision.expiresAt() == null || decision.expiresAt().isAfter(now)) {
            return Optional.ofNullable(decision);
        }
        return Optional.empty();
    }

    /**
     * The decision that governs processing for {@code purpose} on {@code channel} at {@code now}: the one for that
     * channel when one is in force, else the one for every channel.
     */
    public Optional<ConsentDecision> governing(Purpose purpose, String channel, Instant now) {
        Optional<ConsentDecision> specific = channel.isEmpty() ? Optional.empty()
                : decisionFor(purpose, channel, now);
        return specific.isPresent() ? specific : decisionFor(purpose, "", now);
    }

    /** Takes {@code decision} over unless a more recent one is in place; at the same instant a refusal wins. */
    private void adopt(ConsentDecision decision) {
        Scope scope = Scope.of(decision);
        ConsentDecision current = latest.get(scope);
        if (current == null || decision.recordedAt().isAfter(current.recordedAt())
                || decision.recordedAt().equals(current.recordedAt()) && decision.isRefusal()
                && !current.isRefusal()) {
            latest.put(scope, decision);
        }
    }

    private record Scope(Purpose purpose, String channel) {

        static Scope of(ConsentDecision decision) {
            return new Scope(decision.purpose(), decision.channel());
        }
    }
}
