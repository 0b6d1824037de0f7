package dev.cdm.profile.api;

import dev.cdm.kernel.events.LinkDecision;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.SourceRecordKey;
import java.time.Instant;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Attach a source record, with the person fields it carries, to a profile (created when missing). {@code decision}
 * says why the record belongs there; it is used only when the record is new to the profile.
 */
public record RegisterSourceRecordCommand(@TargetAggregateIdentifier String profileId, SourceRecordKey record,
                                          PersonData person, Instant receivedAt, LinkDecision decision) {

    public RegisterSourceRecordCommand {
        Objects.requireNonNull(decision, "decision");
    }

    /**
     * A record that founds the profile named by its key or updates the one it is in; should it be new to an existing
     * profile, it joins as founding, as links without a recorded decision always read.
     */
    public RegisterSourceRecordCommand(String profileId, SourceRecordKey record, PersonData person, Instant receivedAt) {
        this(profileId, record, person, receivedAt, LinkDecision.founding());
    }
}
