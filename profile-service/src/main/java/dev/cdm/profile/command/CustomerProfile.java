package dev.cdm.profile.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.ProfileCreatedEvent;
import dev.cdm.kernel.events.SourceRecordChangedEvent;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.events.SourceRecordLinkedEvent;
import dev.cdm.profile.api.RegisterSourceRecordCommand;
import dev.cdm.profile.api.RegistrationOutcome;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;

/**
 * One customer: the source records that describe them, and the history of what each record said. Its state is
 * also stored as an Axon snapshot (JSON of its fields; the records as a list, as JSON keys are strings): change
 * the revision with the fields or the class name, so that older snapshots are ignored, not misread.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
@Revision("1")
public class CustomerProfile {

    static final String RECEIVED_AT_MISSING = "receivedAt is required";

    @AggregateIdentifier
    private String profileId;
    @JsonIgnore
    private final Map<SourceRecordKey, PersonData> records = new HashMap<>();

    CustomerProfile() {
        // for Axon: state is rebuilt from events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    RegistrationOutcome handle(RegisterSourceRecordCommand command) {
        if (command.receivedAt() == null) {
            throw new IllegalArgumentException(RECEIVED_AT_MISSING);
        }
        RegistrationOutcome outcome = profileId == null ? RegistrationOutcome.CREATED : RegistrationOutcome.LINKED;
        if (profileId == null) {
            apply(new ProfileCreatedEvent(command.profileId(), command.record(), command.receivedAt()));
        }
        PersonData known = records.get(command.record());
        if (known == null) {
            apply(new SourceRecordLinkedEvent(profileId, command.record(), command.person(), command.receivedAt()));
            return outcome;
        }
        if (known.equals(command.person())) {
            return RegistrationOutcome.UNCHANGED;
        }
        apply(new SourceRecordChangedEvent(profileId, command.record(), command.person(), command.receivedAt()));
        return RegistrationOutcome.UPDATED;
    }

    @EventSourcingHandler
    void on(ProfileCreatedEvent event) {
        profileId = event.profileId();
    }

    @EventSourcingHandler
    void on(SourceRecordLinkedEvent event) {
        records.put(event.record(), event.person());
    }

    @EventSourcingHandler
    void on(SourceRecordChangedEvent event) {
        records.put(event.record(), event.person());
    }

    @JsonProperty("records")
    private List<LinkedRecord> snapshotRecords() {
        return records.entrySet().stream().map(e -> new LinkedRecord(e.getKey(), e.getValue())).toList();
    }

    @JsonProperty("records")
    private void snapshotRecords(List<LinkedRecord> linked) {
        linked.forEach(link -> records.put(link.record(), link.person()));
    }

    /** One entry of the records in a snapshot. */
    record LinkedRecord(SourceRecordKey record, PersonData person) {
    }
}
