package dev.cdm.kernel.events;

import java.time.Instant;

/**
 * A data subject's decision for one purpose and channel ({@code ""} = every channel) as it stood when recorded.
 * {@code proof} and {@code expiresAt} may be null.
 */
public record ConsentDecision(Purpose purpose, String channel, ConsentStatus status, LegalBasis legalBasis,
                              ConsentProof proof, Instant expiresAt, Instant recordedAt) {

    /** A denial or withdrawal: it only ever limits processing, so it is safe to carry to another profile. */
    public boolean isRefusal() {
        return status != ConsentStatus.GRANTED;
    }
}
