package dev.cdm.kernel.events;

import java.time.Instant;

/** A source record as it moves between profiles in a merge or a split, with what it said and why it was linked. */
public record MovedRecord(@DataSubject SourceRecordKey record, PersonData person, Instant receivedAt,
                          LinkDecision decision) {
}
