package dev.cdm.profile.api;

import dev.cdm.kernel.events.SourceRecordKey;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Remove {@code records} from the profile into {@code newProfileId}; the result is the moved records. */
public record SplitOffRecordsCommand(@TargetAggregateIdentifier String profileId, String newProfileId,
                                     List<SourceRecordKey> records, String reason, Instant splitAt) {
}
