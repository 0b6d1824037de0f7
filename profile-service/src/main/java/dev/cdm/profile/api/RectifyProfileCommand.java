package dev.cdm.profile.api;

import dev.cdm.kernel.events.LinkDecision;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.SourceRecordKey;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Attach a rectification's corrections (GDPR Art. 16) to an existing profile as {@code record}; unlike a
 * registration, it never creates a profile: an unknown one fails to load.
 */
public record RectifyProfileCommand(@TargetAggregateIdentifier String profileId, SourceRecordKey record,
                                    PersonData person, Instant receivedAt, LinkDecision decision) {
}
