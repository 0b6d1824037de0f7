package dev.cdm.profile.query;

import dev.cdm.kernel.events.ProfileCreatedEvent;
import dev.cdm.kernel.events.SourceRecordChangedEvent;
import dev.cdm.kernel.events.SourceRecordLinkedEvent;
import dev.cdm.profile.api.ProfileView;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;

/**
 * Keeps the profile read model. Idempotent: every profile remembers the sequence number of the last event applied
 * to it, so an event delivered again (after a crash, before its token was stored) changes nothing. The view itself
 * is built by {@link ProfileViewFold}, the rule that as-of queries share.
 */
@ProcessingGroup(ProfileViewProjection.NAME)
public class ProfileViewProjection {

    public static final String NAME = "profile-view";

    private final ProfileViewRepository repository;

    public ProfileViewProjection(ProfileViewRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(ProfileCreatedEvent event, @SequenceNumber long sequence) {
        repository.saveIfNewer(ProfileViewFold.apply(null, event, sequence));
    }

    @EventHandler
    void on(SourceRecordLinkedEvent event, @SequenceNumber long sequence) {
        applyRecord(event.profileId(), event, sequence);
    }

    @EventHandler
    void on(SourceRecordChangedEvent event, @SequenceNumber long sequence) {
        applyRecord(event.profileId(), event, sequence);
    }

    @ResetHandler
    void onReset() {
        repository.dropAll();
    }

    private void applyRecord(String profileId, Object event, long sequence) {
        ProfileView current = repository.find(profileId)
                .orElseThrow(() -> new IllegalStateException("Profile " + profileId + " was never created"));
        if (current.version() >= sequence) {
            return;
        }
        ProfileView next = ProfileViewFold.apply(current, event, sequence);
        // lookups first: if we stop between the two writes, the event is re-applied and the lookups are set again
        Set<String> removed = new HashSet<>(current.lookupKeys());
        removed.removeAll(next.lookupKeys());
        repository.addToLookup(next.lookupKeys(), profileId);
        repository.removeFromLookup(removed, profileId);
        repository.saveIfNewer(next);
    }
}
