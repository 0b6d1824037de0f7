package dev.cdm.profile.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cdm.kernel.events.ActivityRecordedEvent;
import dev.cdm.kernel.events.LinkDecision;
import dev.cdm.kernel.events.MovedRecord;
import dev.cdm.kernel.events.ProfileCreatedEvent;
import dev.cdm.kernel.events.ProfileErasedEvent;
import dev.cdm.kernel.events.ProfileMergedIntoEvent;
import dev.cdm.kernel.events.ProfilesMergedEvent;
import dev.cdm.kernel.events.SourceRecordChangedEvent;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.events.SourceRecordLinkedEvent;
import dev.cdm.kernel.events.SourceRecordsSplitEvent;
import dev.cdm.profile.api.AbsorbProfileCommand;
import dev.cdm.profile.api.ActivityOutcome;
import dev.cdm.profile.api.RecordActivityCommand;
import dev.cdm.profile.api.EraseProfileCommand;
import dev.cdm.profile.api.ProfileErasedException;
import dev.cdm.profile.api.FoundProfileCommand;
import dev.cdm.profile.api.FoundSplitProfileCommand;
import dev.cdm.profile.api.MergeIntoCommand;
import dev.cdm.profile.api.ProfileMergedException;
import dev.cdm.profile.api.RectifyProfileCommand;
import dev.cdm.profile.api.RegisterSourceRecordCommand;
import dev.cdm.profile.api.RegistrationOutcome;
import dev.cdm.profile.api.SplitOffRecordsCommand;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;

/**
 * One customer: the source records that describe them, what each record said last and why it was linked, and the
 * profiles it must stay apart from. A profile merged into another one is retired, and so is an erased one: it
 * refuses new records.
 *
 * <p>Its state is also stored as an Axon snapshot (JSON of its fields; the records as a list, as JSON keys are
 * strings): change the revision with the fields or the class name, so that older snapshots are ignored, not misread.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
@Revision("4")
public class CustomerProfile {

    static final String RECEIVED_AT_MISSING = "receivedAt is required";

    @AggregateIdentifier
    private String profileId;
    private String mergedInto;
    private boolean erased;
    private final Set<String> keptApartFrom = new TreeSet<>();
    @JsonIgnore
    private final Map<SourceRecordKey, MovedRecord> records = new LinkedHashMap<>();
    /** The keys of the activities of {@code records}, for idempotence. */
    @JsonIgnore
    private final Set<String> activityKeys = new HashSet<>();

    CustomerProfile() {
        // for Axon: state is rebuilt from events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    RegistrationOutcome handle(RegisterSourceRecordCommand command) {
        if (command.receivedAt() == null) {
            throw new IllegalArgumentException(RECEIVED_AT_MISSING);
        }
        refuseIfRetired();
        RegistrationOutcome outcome = profileId == null ? RegistrationOutcome.CREATED : RegistrationOutcome.LINKED;
        if (profileId == null) {
            apply(new ProfileCreatedEvent(command.profileId(), command.record(), command.receivedAt()));
        }
        MovedRecord known = records.get(command.record());
        if (known == null) {
            LinkDecision decision = outcome == RegistrationOutcome.CREATED ? LinkDecision.founding()
                    : command.decision();
            apply(new SourceRecordLinkedEvent(profileId, command.record(), command.person(), command.receivedAt(),
                    decision));
            return outcome;
        }
        if (known.person().equals(command.person())) {
            return RegistrationOutcome.UNCHANGED;
        }
        apply(new SourceRecordChangedEvent(profileId, command.record(), command.person(), command.receivedAt()));
        return RegistrationOutcome.UPDATED;
    }

    /** A rectification: recorded like a source record, but only in a profile that exists. */
    @CommandHandler
    RegistrationOutcome handle(RectifyProfileCommand command) {
        return handle(new RegisterSourceRecordCommand(command.profileId(), command.record(), command.person(),
                command.receivedAt(), command.decision()));
    }

    @CommandHandler
    ActivityOutcome handle(RecordActivityCommand command) {
        refuseIfRetired();
        if (activityKeys.contains(command.activity().key())) {
            return ActivityOutcome.DUPLICATE;
        }
        SourceRecordKey owner = command.record() != null && records.containsKey(command.record())
                ? command.record() : oldestRecord();
        apply(new ActivityRecordedEvent(profileId, owner, command.activity()));
        return ActivityOutcome.RECORDED;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    RegistrationOutcome handle(FoundProfileCommand command) {
        if (command.receivedAt() == null) {
            throw new IllegalArgumentException(RECEIVED_AT_MISSING);
        }
        apply(new ProfileCreatedEvent(command.profileId(), command.record(), command.receivedAt()));
        apply(new SourceRecordLinkedEvent(profileId, command.record(), command.person(), command.receivedAt(),
                LinkDecision.founding()));
        return RegistrationOutcome.CREATED;
    }

    @CommandHandler
    List<MovedRecord> handle(MergeIntoCommand command) {
        refuseIfRetired();
        if (command.survivorProfileId().equals(profileId)) {
            throw new IllegalArgumentException("A profile cannot be merged into itself");
        }
        if (keptApartFrom.contains(command.survivorProfileId())) {
            throw new IllegalArgumentException("Profile " + profileId + " is kept apart from "
                    + command.survivorProfileId() + " after a split");
        }
        List<MovedRecord> moved = List.copyOf(records.values());
        apply(new ProfileMergedIntoEvent(profileId, command.survivorProfileId(), command.mergedAt()));
        return moved;
    }

    @CommandHandler
    void handle(AbsorbProfileCommand command) {
        refuseIfRetired();
        if (keptApartFrom.contains(command.mergedProfileId())) {
            throw new IllegalArgumentException("Profile " + profileId + " is kept apart from "
                    + command.mergedProfileId() + " after a split");
        }
        apply(new ProfilesMergedEvent(profileId, command.mergedProfileId(), command.records(), command.reason(),
                command.mergedAt()));
    }

    @CommandHandler
    List<MovedRecord> handle(SplitOffRecordsCommand command) {
        refuseIfRetired();
        if (command.records().isEmpty()) {
            throw new IllegalArgumentException("Name at least one record to split off");
        }
        List<MovedRecord> moved = new ArrayList<>();
        for (SourceRecordKey key : command.records()) {
            MovedRecord record = records.get(key);
            if (record == null) {
                throw new IllegalArgumentException("Record " + key + " is not in profile " + profileId);
            }
            moved.add(record);
        }
        if (moved.size() == records.size()) {
            throw new IllegalArgumentException("A split must leave at least one record in profile " + profileId);
        }
        apply(new SourceRecordsSplitEvent(profileId, command.newProfileId(), command.records(), command.reason(),
                command.splitAt()));
        return moved;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(FoundSplitProfileCommand command) {
        MovedRecord first = command.records().get(0);
        apply(new ProfileCreatedEvent(command.profileId(), first.record(), command.splitAt()));
        for (MovedRecord record : command.records()) {
            apply(new SourceRecordLinkedEvent(command.profileId(), record.record(), record.person(),
                    record.receivedAt(), new LinkDecision(LinkDecision.RULE_SPLIT, null, 0, List.of(),
                    command.fromProfileId(), command.reason())));
            record.activities().forEach(activity ->
                    apply(new ActivityRecordedEvent(command.profileId(), record.record(), activity)));
        }
    }

    @CommandHandler
    void handle(EraseProfileCommand command) {
        if (!erased) {
            apply(new ProfileErasedEvent(profileId, command.requestId(), command.erasedAt()));
        }
    }

    /** The profile's oldest source record, a rectification's only when it has no other. */
    private SourceRecordKey oldestRecord() {
        return records.values().stream()
                .min(Comparator.comparing((MovedRecord r) -> r.record().correctsProfile())
                        .thenComparing(MovedRecord::receivedAt))
                .map(MovedRecord::record)
                .orElseThrow(() -> new IllegalStateException("Profile " + profileId + " has no records"));
    }

    private void refuseIfRetired() {
        if (erased) {
            throw new ProfileErasedException(profileId);
        }
        if (mergedInto != null) {
            throw new ProfileMergedException(profileId, mergedInto);
        }
    }

    @EventSourcingHandler
    void on(ProfileCreatedEvent event) {
        profileId = event.profileId();
    }

    @EventSourcingHandler
    void on(SourceRecordLinkedEvent event) {
        records.put(event.record(), new MovedRecord(event.record(), event.person(), event.receivedAt(),
                event.decision()));
        if (LinkDecision.RULE_SPLIT.equals(event.decision().rule())) {
            keptApartFrom.add(event.decision().fromProfileId());
        }
    }

    @EventSourcingHandler
    void on(SourceRecordChangedEvent event) {
        MovedRecord known = records.get(event.record());
        records.put(event.record(), known == null
                ? new MovedRecord(event.record(), event.person(), event.receivedAt(), null)
                : known.withPerson(event.person(), event.receivedAt()));
    }

    @EventSourcingHandler
    void on(ActivityRecordedEvent event) {
        MovedRecord owner = records.get(event.record());
        if (owner != null) {
            records.put(event.record(), owner.withActivity(event.activity()));
        }
        activityKeys.add(event.activity().key());
    }

    @EventSourcingHandler
    void on(ProfilesMergedEvent event) {
        event.records().forEach(this::putRecord);
    }

    @EventSourcingHandler
    void on(ProfileMergedIntoEvent event) {
        mergedInto = event.survivorProfileId();
        clearRecords();
    }

    @EventSourcingHandler
    void on(ProfileErasedEvent event) {
        erased = true;
        clearRecords();
    }

    @EventSourcingHandler
    void on(SourceRecordsSplitEvent event) {
        event.records().forEach(key -> {
            MovedRecord left = records.remove(key);
            if (left != null) {
                left.activities().forEach(activity -> activityKeys.remove(activity.key()));
            }
        });
        keptApartFrom.add(event.newProfileId());
    }

    private void putRecord(MovedRecord record) {
        records.put(record.record(), record);
        record.activities().forEach(activity -> activityKeys.add(activity.key()));
    }

    private void clearRecords() {
        records.clear();
        activityKeys.clear();
    }

    @JsonProperty("records")
    private List<MovedRecord> snapshotRecords() {
        return List.copyOf(records.values());
    }

    @JsonProperty("records")
    private void snapshotRecords(List<MovedRecord> linked) {
        linked.forEach(this::putRecord);
    }
}
