package dev.cdm.consent.policy;

import dev.cdm.consent.api.SubjectLedger;
import dev.cdm.consent.policy.PurposeVerdict.Reason;
import dev.cdm.kernel.events.ConsentDecision;
import dev.cdm.kernel.events.Purpose;
import java.time.Instant;
import java.util.Optional;

/**
 * The policy decision for one purpose: nothing is allowed while processing is restricted (GDPR Art. 18); else
 * opt-in, so only a grant in force allows processing. A decision for the
 * channel asked about governs before one for every channel. Third-party sharing is refused whenever the subject
 * has opted out of sale and sharing, whatever else they granted.
 */
public final class PurposePolicy {

    private PurposePolicy() {
    }

    public static PurposeVerdict decide(SubjectLedger subject, Purpose purpose, String channel, Instant now) {
        String governing = subject.subjectId();
        if (subject.ledger().restrictedBy().isPresent()) {
            return new PurposeVerdict(false, Reason.RESTRICTED, governing, null);
        }
        if (purpose == Purpose.THIRD_PARTY_SHARING && subject.ledger().forbidsSale()) {
            return new PurposeVerdict(false, Reason.SALE_OPT_OUT, governing, null);
        }
        Optional<ConsentDecision> inForce = subject.ledger().governing(purpose, channel, now);
        if (inForce.isPresent()) {
            ConsentDecision decision = inForce.get();
            Reason reason = switch (decision.status()) {
                case GRANTED -> Reason.GRANTED;
                case DENIED -> Reason.DENIED;
                case WITHDRAWN -> Reason.WITHDRAWN;
            };
            return new PurposeVerdict(reason == Reason.GRANTED, reason, governing, decision);
        }
        Optional<ConsentDecision> expired = subject.ledger().latest(purpose, channel)
                .or(() -> subject.ledger().latest(purpose, ""));
        return expired.map(decision -> new PurposeVerdict(false, Reason.EXPIRED, governing, decision))
                .orElseGet(() -> new PurposeVerdict(false, Reason.NO_DECISION, governing, null));
    }
}
