package dev.cdm.kernel.events;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A read of a data subject's profile was decided (consent-service's DecideReads): who read, through which service,
 * for which purpose, whether it was allowed, and which person fields came back in clear, masked or not at all.
 * The audit trail of personal data: it names fields, never their values. {@code caller} is the person the reading
 * service acted for (the service itself when it acted for no one); {@code via} the client that asked.
 */
@EventType("cdm.audit.PersonalDataRead")
@Revision("1")
public record PersonalDataReadEvent(String subjectId, String governingSubjectId, String caller, String via,
                                    String purpose, boolean allowed, String refusal, List<String> fieldsInClear,
                                    List<String> fieldsMasked, List<String> fieldsWithheld, String policyVersion,
                                    Instant decidedAt) {

    public PersonalDataReadEvent {
        fieldsInClear = List.copyOf(fieldsInClear);
        fieldsMasked = List.copyOf(fieldsMasked);
        fieldsWithheld = List.copyOf(fieldsWithheld);
    }
}
