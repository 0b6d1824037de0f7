package dev.cdm.profile.api;

import dev.cdm.kernel.events.Activity;
import dev.cdm.kernel.events.SourceRecordKey;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record what a customer did as an activity of one of the profile's records: {@code record}, or the profile's
 * oldest record when it is null or no longer in the profile (it was split off meanwhile). Answers whether it was new.
 */
public record RecordActivityCommand(@TargetAggregateIdentifier String profileId, SourceRecordKey record,
                                    Activity activity) {
}
