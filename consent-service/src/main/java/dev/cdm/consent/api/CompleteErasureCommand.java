package dev.cdm.consent.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Every service acknowledged: close the request with the hash of its certificate's content. */
public record CompleteErasureCommand(@TargetAggregateIdentifier String requestId, String evidenceSha256,
                                     Instant completedAt) {
}
