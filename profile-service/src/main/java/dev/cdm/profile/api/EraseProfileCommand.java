package dev.cdm.profile.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Retire an erased profile for good: it drops its records and refuses new ones. Repeating it changes nothing. */
public record EraseProfileCommand(@TargetAggregateIdentifier String profileId, String requestId, Instant erasedAt) {
}
