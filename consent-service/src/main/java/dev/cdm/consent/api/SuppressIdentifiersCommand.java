package dev.cdm.consent.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record the suppression keys of an erasure whose subject asked to be suppressed; once per request. */
public record SuppressIdentifiersCommand(@TargetAggregateIdentifier String requestId, List<String> suppressionKeys,
                                         Instant suppressedAt) {
}
