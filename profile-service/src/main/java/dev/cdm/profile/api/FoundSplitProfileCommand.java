package dev.cdm.profile.api;

import dev.cdm.kernel.events.MovedRecord;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Found a profile from records split off {@code fromProfileId}. */
public record FoundSplitProfileCommand(@TargetAggregateIdentifier String profileId, String fromProfileId,
                                       List<MovedRecord> records, String reason, Instant splitAt) {
}
