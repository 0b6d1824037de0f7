package dev.cdm.kernel.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The data subject opted out of (or back into) the sale and sharing of their personal information. */
@EventType("cdm.consent.SaleOptOutRecorded")
@Revision("1")
public record SaleOptOutRecordedEvent(String subjectId, boolean optedOut, String source, Instant recordedAt)
        implements SubjectConsentEvent {

    public SaleOptOut choice() {
        return new SaleOptOut(optedOut, source, recordedAt);
    }
}
