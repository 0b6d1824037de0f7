package dev.cdm.kernel.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A source record now belongs to the profile, with the person fields it carried and the decision that linked it
 * ({@code null} in events stored before identity resolution: read as founding or as joining by its record key).
 */
@EventType("cdm.profile.SourceRecordLinked")
@Revision("1")
public record SourceRecordLinkedEvent(String profileId, @DataSubject SourceRecordKey record, PersonData person,
                                      Instant receivedAt, LinkDecision decision) {

    /** A link without a recorded decision, as stored before identity resolution. */
    public SourceRecordLinkedEvent(String profileId, SourceRecordKey record, PersonData person, Instant receivedAt) {
        this(profileId, record, person, receivedAt, null);
    }
}
