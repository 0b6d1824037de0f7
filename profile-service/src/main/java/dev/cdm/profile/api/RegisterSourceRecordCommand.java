package dev.cdm.profile.api;

import dev.cdm.kernel.events.LinkDecision;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.SourceRecordKey;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Attach a source record, with the person fields it carries, to a profile (created when missing). {@code decision}
 * says why the record belongs there; it is used only when the record is new to the profile.
 */
public record RegisterSourceRecordCommand(@TargetAggregateIdentifier String profileId, SourceRecordKey record,
                                          PersonData person, Instant receivedAt, LinkDecision decision) {

    /** A record that founds its profile or updates the one it is in (a new record joins without a decision). */
    public RegisterSourceRecordCommand(String profileId, SourceRecordKey record, PersonData person, Instant receivedAt) {
        this(profileId, record, person, receivedAt, null);
    }
}
