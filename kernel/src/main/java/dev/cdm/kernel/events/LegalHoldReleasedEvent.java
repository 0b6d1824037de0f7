package dev.cdm.kernel.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Legal hold {@code holdId} on the subject's data was released by {@code releasedBy}. */
@EventType("cdm.consent.LegalHoldReleased")
@Revision("1")
public record LegalHoldReleasedEvent(String subjectId, String holdId, String releasedBy, Instant releasedAt)
        implements SubjectConsentEvent {
}
