package dev.cdm.profile.api;

import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.SourceRecordKey;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Attach a source record, with the person fields it carries, to a profile (created when missing). */
public record RegisterSourceRecordCommand(@TargetAggregateIdentifier String profileId, SourceRecordKey record,
                                          PersonData person, Instant receivedAt) {
}
