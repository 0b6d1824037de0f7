package dev.cdm.kernel.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The subject's profile was merged into {@code survivorSubjectId}: its decisions went there, and decisions for it
 * are recorded there from now on.
 */
@EventType("cdm.consent.ConsentsMergedInto")
@Revision("1")
public record ConsentsMergedIntoEvent(String subjectId, String survivorSubjectId, Instant mergedAt)
        implements SubjectConsentEvent {
}
