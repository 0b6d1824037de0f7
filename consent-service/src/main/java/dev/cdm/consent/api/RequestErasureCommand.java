package dev.cdm.consent.api;

import dev.cdm.kernel.events.Regulation;
import dev.cdm.kernel.events.SourceRecordKey;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record an erasure request for a resolved subject: the profile, those merged into it and all their records. */
public record RequestErasureCommand(@TargetAggregateIdentifier String requestId, String profileId,
                                    List<String> mergedProfileIds, List<SourceRecordKey> records,
                                    String requestedBy, Regulation regulation, Instant requestedAt,
                                    Instant dueAt) {
}
