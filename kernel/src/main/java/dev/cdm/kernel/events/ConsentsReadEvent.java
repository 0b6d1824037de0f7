package dev.cdm.kernel.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A subject's consent decisions were read (consent-service's GetConsents): who read them, through which client, and
 * as of when (null: as they stand now). Part of the audit trail of personal data; it holds no decision itself.
 */
@EventType("cdm.audit.ConsentsRead")
@Revision("1")
public record ConsentsReadEvent(String subjectId, String governingSubjectId, String caller, String via,
                                Instant asOf, Instant readAt) {
}
