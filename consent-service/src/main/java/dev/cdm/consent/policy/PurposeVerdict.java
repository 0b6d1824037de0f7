package dev.cdm.consent.policy;

import dev.cdm.kernel.events.ConsentDecision;

/**
 * Whether the subject's data may be processed for a purpose on a channel, and why. {@code governingSubjectId} is
 * the profile whose decisions applied (the survivor when the subject was merged); {@code decision} is the one that
 * decided, null when none did.
 */
public record PurposeVerdict(boolean allowed, Reason reason, String governingSubjectId, ConsentDecision decision) {

    public enum Reason {
        /** A grant is in force: by consent, or on another legal basis such as a contract. */
        GRANTED,
        /** Nothing was ever decided for this purpose: processing that needs consent is not allowed. */
        NO_DECISION,
        DENIED,
        WITHDRAWN,
        /** The grant that was in force has expired. */
        EXPIRED,
        /** The subject opted out of the sale and sharing of their data (CCPA/CPRA). */
        SALE_OPT_OUT,
        /** Processing of the subject's data is restricted (GDPR Art. 18): no purpose is allowed. */
        RESTRICTED
    }
}
