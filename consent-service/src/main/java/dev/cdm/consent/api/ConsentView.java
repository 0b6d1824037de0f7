package dev.cdm.consent.api;

import dev.cdm.kernel.events.ConsentProof;
import dev.cdm.kernel.events.ConsentStatus;
import dev.cdm.kernel.events.LegalBasis;
import dev.cdm.kernel.events.Purpose;
import java.time.Instant;

/** The decision in force for one purpose and channel; {@code proof} and {@code expiresAt} may be null. */
public record ConsentView(Purpose purpose, String channel, ConsentStatus status, LegalBasis legalBasis,
                          ConsentProof proof, Instant expiresAt, Instant recordedAt) {
}
