package dev.cdm.kernel.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A customer profile came into existence, founded by the first record seen of a person. */
@EventType("cdm.profile.ProfileCreated")
@Revision("1")
public record ProfileCreatedEvent(String profileId, SourceRecordKey foundingRecord, Instant createdAt) {
}
