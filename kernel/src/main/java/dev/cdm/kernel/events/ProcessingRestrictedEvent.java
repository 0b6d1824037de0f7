package dev.cdm.kernel.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Processing of the subject's data is restricted (GDPR Art. 18) by request {@code requestId}: no purpose is
 * allowed, the profile merges with no other, analytics leaves it out, until the restriction is lifted.
 */
@EventType("cdm.consent.ProcessingRestricted")
@Revision("1")
public record ProcessingRestrictedEvent(String subjectId, String requestId, Instant restrictedAt)
        implements SubjectConsentEvent {
}
