package dev.cdm.kernel.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The subject's data is under legal hold {@code holdId} (litigation, an investigation): it must not be erased until
 * the hold is released. {@code reason} is a case reference or note, never personal data.
 */
@EventType("cdm.consent.LegalHoldPlaced")
@Revision("1")
public record LegalHoldPlacedEvent(String subjectId, String holdId, String reason, String placedBy,
                                   Instant placedAt) implements SubjectConsentEvent {
}
