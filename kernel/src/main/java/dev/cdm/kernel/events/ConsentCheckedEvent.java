package dev.cdm.kernel.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Whether a subject's consents allow a purpose was asked (consent-service's CheckPurpose): who asked, through which
 * client, for which purpose (e.g. {@code MARKETING_EMAIL}) and channel (empty: every channel). Part of the audit
 * trail of personal data; like {@link ConsentsReadEvent} it holds no answer itself.
 */
@EventType("cdm.audit.ConsentChecked")
@Revision("1")
public record ConsentCheckedEvent(String subjectId, String governingSubjectId, String caller, String via,
                                  String purpose, String channel, Instant checkedAt) {
}
