package dev.cdm.kernel.events;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The profile absorbed another one: {@code records} (with the fields and decisions they had there) now belong to
 * it. {@code reason} is the decision that bridged the two: the record that matched both.
 */
@EventType("cdm.profile.ProfilesMerged")
@Revision("1")
public record ProfilesMergedEvent(String profileId, String mergedProfileId, List<MovedRecord> records,
                                  LinkDecision reason, Instant mergedAt) {

    public ProfilesMergedEvent {
        records = List.copyOf(records);
    }
}
