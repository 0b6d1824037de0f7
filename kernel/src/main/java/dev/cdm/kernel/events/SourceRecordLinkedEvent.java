package dev.cdm.kernel.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A source record now belongs to the profile, with the person fields it carried. */
@EventType("cdm.profile.SourceRecordLinked")
@Revision("1")
public record SourceRecordLinkedEvent(String profileId, SourceRecordKey record, PersonData person, Instant receivedAt) {
}
