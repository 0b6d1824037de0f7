package dev.cdm.profile.api;

import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.SourceRecordKey;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Found a new profile with its first source record, without reading the event store first: for a record that
 * resolution found new, whose founding profile cannot exist yet. Should it exist after all, appending its first
 * event fails on the stream's unique sequence, and the caller falls back to {@link RegisterSourceRecordCommand}.
 */
public record FoundProfileCommand(@TargetAggregateIdentifier String profileId, SourceRecordKey record,
                                  PersonData person, Instant receivedAt) {
}
