package dev.cdm.consent.api;

import dev.cdm.kernel.events.Regulation;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that everything held about a resolved subject was exported: what, when, and the export's hash. */
public record RecordExportCommand(@TargetAggregateIdentifier String requestId, String profileId,
                                  List<String> mergedProfileIds, int recordCount, String requestedBy,
                                  Regulation regulation, Instant requestedAt, Instant dueAt, Instant exportedAt,
                                  String contentSha256, long contentBytes) {
}
