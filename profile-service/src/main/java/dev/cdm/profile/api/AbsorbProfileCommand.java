package dev.cdm.profile.api;

import dev.cdm.kernel.events.LinkDecision;
import dev.cdm.kernel.events.MovedRecord;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take over the records of {@code mergedProfileId}, which a record matching both profiles bridged. */
public record AbsorbProfileCommand(@TargetAggregateIdentifier String profileId, String mergedProfileId,
                                   List<MovedRecord> records, LinkDecision reason, Instant mergedAt) {
}
