package dev.cdm.consent.api;

import dev.cdm.kernel.events.Regulation;
import dev.cdm.kernel.events.SourceRecordKey;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record a rectification that profile-service has applied: which fields it corrected (names only) and the record
 * that holds the corrections.
 */
public record RecordRectificationCommand(@TargetAggregateIdentifier String requestId, String profileId,
                                         List<String> mergedProfileIds, String requestedBy, Regulation regulation,
                                         Instant requestedAt, Instant dueAt, List<String> fields,
                                         SourceRecordKey record, Instant rectifiedAt) {
}
