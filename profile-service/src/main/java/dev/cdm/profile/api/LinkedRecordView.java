package dev.cdm.profile.api;

import dev.cdm.kernel.events.LinkDecision;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.SourceRecordKey;
import java.time.Instant;

/** A source record as the profile last received it, and why it is in the profile. */
public record LinkedRecordView(SourceRecordKey key, PersonData person, Instant receivedAt, LinkDecision decision) {
}
