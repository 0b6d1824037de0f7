package dev.cdm.profile.query;

import dev.cdm.kernel.events.ActivityRecordedEvent;
import dev.cdm.kernel.events.ProfileCreatedEvent;
import dev.cdm.kernel.events.ProfileErasedEvent;
import dev.cdm.kernel.events.ProfileMergedIntoEvent;
import dev.cdm.kernel.events.ProfilesMergedEvent;
import dev.cdm.kernel.events.SourceRecordsSplitEvent;
import dev.cdm.kernel.events.SourceRecordChangedEvent;
import dev.cdm.kernel.events.SourceRecordLinkedEvent;
import dev.cdm.profile.api.ProfileView;
import dev.cdm.kernel.projection.ProjectionBatch;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;

/**
 * Keeps the profile read model, writing through a {@link ProfileViewBatch} per processor batch. Idempotent: every
 * profile remembers the sequence number of the last event applied to it, so an event delivered again (after a
 * crash, before its token was stored) changes nothing. The view itself
 * is built by {@link ProfileViewFold}, the rule that as-of queries share.
 */
@ProcessingGroup(ProfileViewProjection.NAME)
public class ProfileViewProjection {

    public static final String NAME = "profile-view";
    private static final String BATCH = ProfileViewProjection.class.getName() + "/batch";

    private final ProfileViewRepository repository;

    public ProfileViewProjection(ProfileViewRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(ProfileCreatedEvent event, @SequenceNumber long sequence) {
        batch(batch -> {
            if (batch.find(event.profileId()).filter(view -> view.version() >= sequence).isEmpty()) {
                batch.save(ProfileViewFold.apply(null, event, sequence));
            }
        });
    }

    @EventHandler
    void on(SourceRecordLinkedEvent event, @SequenceNumber long sequence) {
        applyRecord(event.profileId(), event, sequence);
    }

    @EventHandler
    void on(SourceRecordChangedEvent event, @SequenceNumber long sequence) {
        applyRecord(event.profileId(), event, sequence);
    }

    @EventHandler
    void on(ProfilesMergedEvent event, @SequenceNumber long sequence) {
        applyRecord(event.profileId(), event, sequence);
    }

    @EventHandler
    void on(ProfileMergedIntoEvent event, @SequenceNumber long sequence) {
        applyRecord(event.profileId(), event, sequence);
    }

    @EventHandler
    void on(SourceRecordsSplitEvent event, @SequenceNumber long sequence) {
        applyRecord(event.profileId(), event, sequence);
    }

    @EventHandler
    void on(ActivityRecordedEvent event, @SequenceNumber long sequence) {
        applyRecord(event.profileId(), event, sequence);
    }

    /** An erased profile leaves the read model, and its identifiers leave the lookup. */
    @EventHandler
    void on(ProfileErasedEvent event) {
        batch(batch -> batch.find(event.profileId()).ifPresent(view -> {
            batch.removeFromLookup(view.lookupKeys(), event.profileId());
            batch.delete(event.profileId());
        }));
    }

    @ResetHandler
    void onReset() {
        repository.dropAll();
    }

    private void applyRecord(String profileId, Object event, long sequence) {
        batch(batch -> {
            ProfileView current = batch.find(profileId)
                    .orElseThrow(() -> new IllegalStateException("Profile " + profileId + " was never created"));
            if (current.version() >= sequence) {
                return;
            }
            ProfileView next = ProfileViewFold.apply(current, event, sequence);
            // lookups first: if we stop between the writes, the batch is re-applied and the lookups set again
            Set<String> before = batch.lookupKeysOf(current);
            Set<String> after = batch.lookupKeysOf(next);
            Set<String> removed = new HashSet<>(before);
            removed.removeAll(after);
            Set<String> added = new HashSet<>(after);
            added.removeAll(before);
            batch.addToLookup(added, profileId);
            batch.removeFromLookup(removed, profileId);
            batch.save(next);
        });
    }

    private void batch(Consumer<ProfileViewBatch> work) {
        ProjectionBatch.apply(BATCH, () -> new ProfileViewBatch(repository, ProjectionBatch.aggregatesOfBatch()), work);
    }
}
