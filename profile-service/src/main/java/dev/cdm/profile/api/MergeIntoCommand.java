package dev.cdm.profile.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Retire the profile into {@code survivorProfileId}; the result is its records ({@code List<MovedRecord>}). */
public record MergeIntoCommand(@TargetAggregateIdentifier String profileId, String survivorProfileId,
                               Instant mergedAt) {
}
