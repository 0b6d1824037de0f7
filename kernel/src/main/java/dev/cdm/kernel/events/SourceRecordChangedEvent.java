package dev.cdm.kernel.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A source record already linked to the profile arrived again with different person fields. */
@EventType("cdm.profile.SourceRecordChanged")
@Revision("1")
public record SourceRecordChangedEvent(String profileId, @DataSubject SourceRecordKey record, PersonData person,
                                       Instant receivedAt) {
}
