package dev.cdm.kernel.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A data subject's decision for one purpose and channel ({@code ""} = every channel) was recorded. */
@EventType("cdm.consent.ConsentRecorded")
@Revision("1")
public record ConsentRecordedEvent(String subjectId, Purpose purpose, String channel, ConsentStatus status,
                                   LegalBasis legalBasis, ConsentProof proof, Instant expiresAt,
                                   Instant recordedAt) implements SubjectConsentEvent {

    public ConsentDecision decision() {
        return new ConsentDecision(purpose, channel, status, legalBasis, proof, expiresAt, recordedAt);
    }
}
