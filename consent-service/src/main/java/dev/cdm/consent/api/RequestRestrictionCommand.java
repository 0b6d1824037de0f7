package dev.cdm.consent.api;

import dev.cdm.kernel.events.Regulation;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a request to restrict processing of a resolved subject (GDPR Art. 18). */
public record RequestRestrictionCommand(@TargetAggregateIdentifier String requestId, String profileId,
                                        List<String> mergedProfileIds, String requestedBy, Regulation regulation,
                                        Instant requestedAt, Instant dueAt) {
}
