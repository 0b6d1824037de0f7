package dev.cdm.kernel.events;

import org.axonframework.serialization.Revision;

/**
 * An activity now belongs to the profile, as an activity of one of its source records: reported by a source
 * (ActivityService), or moved in with its record when the record founded a profile in a split.
 */
@EventType("cdm.profile.ActivityRecorded")
@Revision("1")
public record ActivityRecordedEvent(String profileId, @DataSubject SourceRecordKey record, Activity activity) {
}
