package dev.cdm.kernel.events;

import java.time.Instant;
import java.util.List;

/**
 * A source record as it moves between profiles in a merge or a split, with what it said, why it was linked and the
 * activities that belong to it ({@code activities} is absent in events stored before activities existed: none).
 */
public record MovedRecord(@DataSubject SourceRecordKey record, PersonData person, Instant receivedAt,
                          LinkDecision decision, List<Activity> activities) {

    public MovedRecord {
        activities = activities == null ? List.of() : List.copyOf(activities);
    }

    /** A record without activities. */
    public MovedRecord(SourceRecordKey record, PersonData person, Instant receivedAt, LinkDecision decision) {
        this(record, person, receivedAt, decision, List.of());
    }

    public MovedRecord withPerson(PersonData changed, Instant changedAt) {
        return new MovedRecord(record, changed, changedAt, decision, activities);
    }

    public MovedRecord withActivity(Activity activity) {
        List<Activity> more = new java.util.ArrayList<>(activities);
        more.add(activity);
        return new MovedRecord(record, person, receivedAt, decision, more);
    }
}
