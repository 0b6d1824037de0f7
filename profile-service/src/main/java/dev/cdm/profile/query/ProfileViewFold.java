package dev.cdm.profile.query;

import dev.cdm.kernel.events.ActivityRecordedEvent;
import dev.cdm.kernel.events.LinkDecision;
import dev.cdm.kernel.events.MovedRecord;
import dev.cdm.kernel.events.ProfileCreatedEvent;
import dev.cdm.kernel.events.ProfileMergedIntoEvent;
import dev.cdm.kernel.events.ProfilesMergedEvent;
import dev.cdm.kernel.events.SourceRecordChangedEvent;
import dev.cdm.kernel.events.SourceRecordLinkedEvent;
import dev.cdm.kernel.events.SourceRecordsSplitEvent;
import dev.cdm.profile.api.ProfileView;

/**
 * The one rule that turns a profile's events into its view, used by the {@code profile-view} projection and by
 * {@link ProfileHistoryReader} (as-of), so the two can never disagree. Records that came with a merge carry the
 * merge's decision (the bridge that joined the two profiles) in the view.
 */
final class ProfileViewFold {

    private ProfileViewFold() {
    }

    /** {@code current} (null before the creation) with the event {@code payload} at {@code sequence} applied. */
    static ProfileView apply(ProfileView current, Object payload, long sequence) {
        if (payload instanceof ProfileCreatedEvent created) {
            return ProfileView.created(created.profileId(), created.createdAt(), sequence);
        }
        if (current == null) {
            throw new IllegalStateException("Profile was never created before event " + sequence);
        }
        if (payload instanceof SourceRecordLinkedEvent linked) {
            ProfileView next = current.withRecord(linked.record(), linked.person(), linked.receivedAt(),
                    linked.decision(), sequence);
            return LinkDecision.RULE_SPLIT.equals(linked.decision().rule())
                    ? next.keptApartFrom(linked.decision().fromProfileId()) : next;
        }
        if (payload instanceof SourceRecordChangedEvent changed) {
            return current.withRecord(changed.record(), changed.person(), changed.receivedAt(), null, sequence);
        }
        if (payload instanceof ProfilesMergedEvent merged) {
            ProfileView next = current;
            for (MovedRecord record : merged.records()) {
                next = next.withMovedRecord(record, merged.reason(), sequence);
            }
            return next.withMerged(merged.mergedProfileId(), sequence);
        }
        if (payload instanceof ActivityRecordedEvent recorded) {
            return current.withActivity(recorded.record(), recorded.activity(), sequence);
        }
        if (payload instanceof ProfileMergedIntoEvent retired) {
            return current.retiredInto(retired.survivorProfileId(), retired.mergedAt(), sequence);
        }
        if (payload instanceof SourceRecordsSplitEvent split) {
            return current.withoutRecords(split.records(), split.newProfileId(), split.splitAt(), sequence);
        }
        return current;
    }
}
