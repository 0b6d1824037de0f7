package dev.cdm.profile.api;

import dev.cdm.kernel.events.Activity;
import dev.cdm.kernel.events.LinkDecision;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.SourceRecordKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A source record as the profile last received it, why it is in the profile and the activities that belong to it,
 * in the order recorded.
 */
public record LinkedRecordView(SourceRecordKey key, PersonData person, Instant receivedAt, LinkDecision decision,
                               List<Activity> activities) {

    public LinkedRecordView {
        activities = activities == null ? List.of() : List.copyOf(activities);
    }

    /** A record without activities. */
    public LinkedRecordView(SourceRecordKey key, PersonData person, Instant receivedAt, LinkDecision decision) {
        this(key, person, receivedAt, decision, List.of());
    }

    LinkedRecordView withActivity(Activity activity) {
        List<Activity> more = new ArrayList<>(activities);
        more.add(activity);
        return new LinkedRecordView(key, person, receivedAt, decision, more);
    }
}
