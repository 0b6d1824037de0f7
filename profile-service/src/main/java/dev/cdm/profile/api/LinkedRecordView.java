package dev.cdm.profile.api;

import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.SourceRecordKey;
import java.time.Instant;

/** A source record as the profile last received it. */
public record LinkedRecordView(SourceRecordKey key, PersonData person, Instant receivedAt) {
}
