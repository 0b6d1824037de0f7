package dev.cdm.consent.api;

import dev.cdm.kernel.events.ConsentProof;
import dev.cdm.kernel.events.ConsentStatus;
import dev.cdm.kernel.events.LegalBasis;
import dev.cdm.kernel.events.Purpose;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record a data subject's decision for one purpose and channel ({@code ""} = every channel). {@code legalBasis},
 * {@code proof} and {@code expiresAt} may be null; {@code recordedAt} is the caller's "now".
 */
public record RecordConsentCommand(String subjectId, Purpose purpose, String channel, ConsentStatus status,
                                   LegalBasis legalBasis, ConsentProof proof, Instant expiresAt,
                                   Instant recordedAt) {

    /** The event stream of a subject's consents; prefixed, as the profile with the same id has its own stream. */
    public static String aggregateIdOf(String subjectId) {
        return "consent:" + subjectId;
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return aggregateIdOf(subjectId);
    }
}
