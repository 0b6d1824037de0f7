package dev.cdm.profile.query;

import dev.cdm.kernel.events.ProfileCreatedEvent;
import dev.cdm.kernel.events.SourceRecordChangedEvent;
import dev.cdm.kernel.events.SourceRecordLinkedEvent;
import dev.cdm.profile.api.ProfileView;

/**
 * The one rule that turns a profile's events into its view, used by the {@code profile-view} projection and by
 * {@link ProfileHistoryReader} (as-of), so the two can never disagree.
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
            return current.withRecord(linked.record(), linked.person(), linked.receivedAt(), sequence);
        }
        if (payload instanceof SourceRecordChangedEvent changed) {
            return current.withRecord(changed.record(), changed.person(), changed.receivedAt(), sequence);
        }
        return current;
    }
}
