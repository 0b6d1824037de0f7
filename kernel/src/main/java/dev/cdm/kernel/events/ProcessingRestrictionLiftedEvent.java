package dev.cdm.kernel.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The restriction of processing made by request {@code requestId} was lifted by {@code liftedBy}. */
@EventType("cdm.consent.ProcessingRestrictionLifted")
@Revision("1")
public record ProcessingRestrictionLiftedEvent(String subjectId, String requestId, String liftedBy,
                                               Instant liftedAt) implements SubjectConsentEvent {
}
