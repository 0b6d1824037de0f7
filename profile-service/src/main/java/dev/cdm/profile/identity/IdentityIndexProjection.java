package dev.cdm.profile.identity;

import dev.cdm.kernel.events.LinkDecision;
import dev.cdm.kernel.events.MovedRecord;
import dev.cdm.kernel.events.ProcessingRestrictedEvent;
import dev.cdm.kernel.events.ProcessingRestrictionLiftedEvent;
import dev.cdm.kernel.events.ProfileCreatedEvent;
import dev.cdm.kernel.events.ProfileErasedEvent;
import dev.cdm.kernel.events.ProfileMergedIntoEvent;
import dev.cdm.kernel.events.ProfilesMergedEvent;
import dev.cdm.kernel.events.SourceRecordChangedEvent;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.events.SourceRecordLinkedEvent;
import dev.cdm.kernel.events.SourceRecordsSplitEvent;
import dev.cdm.kernel.projection.ProjectionBatch;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;

/**
 * Keeps the match index ({@link IdentityIndexRepository}) from the profile events, so it can always be rebuilt by
 * replay. Writes go through an {@link IdentityIndexBatch} per processor batch. Idempotent: each profile document
 * remembers the sequence number of its last event and is written last, after its block and route entries, so a
 * batch delivered again after a crash redoes exactly the same writes.
 */
@ProcessingGroup(IdentityIndexProjection.NAME)
public class IdentityIndexProjection {

    public static final String NAME = "identity-index";
    private static final String BATCH = IdentityIndexProjection.class.getName() + "/batch";

    private final IdentityIndexRepository index;
    private final int maxBlockSize;

    public IdentityIndexProjection(IdentityIndexRepository index, int maxBlockSize) {
        this.index = index;
        this.maxBlockSize = maxBlockSize;
    }

    @EventHandler
    void on(ProfileCreatedEvent event, @SequenceNumber long sequence) {
        batch(batch -> {
            if (batch.profile(event.profileId()).isEmpty()) {
                batch.save(new IndexedProfile(event.profileId(), sequence));
            }
        });
    }

    @EventHandler
    void on(SourceRecordLinkedEvent event, @SequenceNumber long sequence) {
        update(event.profileId(), sequence, List.of(event.record()), profile -> {
            profile.put(IndexedRecord.of(event.record(), event.person()));
            LinkDecision decision = event.decision();
            if (LinkDecision.RULE_SPLIT.equals(decision.rule())) {
                profile.keepApartFrom(decision.fromProfileId());
            }
        });
    }

    @EventHandler
    void on(SourceRecordChangedEvent event, @SequenceNumber long sequence) {
        update(event.profileId(), sequence, List.of(),
                profile -> profile.put(IndexedRecord.of(event.record(), event.person())));
    }

    @EventHandler
    void on(ProfilesMergedEvent event, @SequenceNumber long sequence) {
        List<SourceRecordKey> moved = event.records().stream().map(MovedRecord::record).toList();
        update(event.profileId(), sequence, moved, profile -> event.records()
                .forEach(r -> profile.put(IndexedRecord.of(r.record(), r.person()))));
    }

    @EventHandler
    void on(ProfileMergedIntoEvent event) {
        retire(event.profileId());
    }

    /** An erased profile can match nothing any more, and its records lead nowhere: an export lists none of them. */
    @EventHandler
    void on(ProfileErasedEvent event) {
        batch(batch -> batch.profile(event.profileId())
                .ifPresent(erased -> batch.unroute(erased.records().stream().map(IndexedRecord::key).toList())));
        retire(event.profileId());
    }

    @EventHandler
    void on(SourceRecordsSplitEvent event, @SequenceNumber long sequence) {
        update(event.profileId(), sequence, List.of(), profile -> {
            event.records().forEach(profile::remove);
            profile.keepApartFrom(event.newProfileId());
        });
    }

    /** A restricted profile (GDPR Art. 18) stays in the index, so records still reach it, but merges with none. */
    @EventHandler
    void on(ProcessingRestrictedEvent event) {
        restrict(event.subjectId(), true);
    }

    @EventHandler
    void on(ProcessingRestrictionLiftedEvent event) {
        restrict(event.subjectId(), false);
    }

    @ResetHandler
    void onReset() {
        index.dropAll();
    }

    private void restrict(String profileId, boolean restricted) {
        batch(batch -> batch.profile(profileId).ifPresent(profile -> {
            profile.restricted(restricted);
            batch.save(profile);
        }));
    }

    private void retire(String profileId) {
        batch(batch -> batch.profile(profileId).ifPresent(retired -> {
            batch.removeFromBlocks(retired.blockingKeys(), retired.profileId());
            batch.delete(retired.profileId());
        }));
    }

    private void update(String profileId, long sequence, List<SourceRecordKey> routed,
                        Consumer<IndexedProfile> change) {
        batch(batch -> {
            IndexedProfile profile = batch.profile(profileId).orElseThrow(
                    () -> new IllegalStateException("Profile " + profileId + " is not in the match index"));
            if (profile.version() >= sequence) {
                return;
            }
            Set<String> before = profile.blockingKeys();
            change.accept(profile);
            profile.version(sequence);
            Set<String> after = profile.blockingKeys();
            Set<String> added = new TreeSet<>(after);
            added.removeAll(before);
            Set<String> removed = new TreeSet<>(before);
            removed.removeAll(after);
            batch.addToBlocks(added, profileId);
            batch.removeFromBlocks(removed, profileId);
            batch.route(routed, profileId);
            batch.save(profile);
        });
    }

    private void batch(Consumer<IdentityIndexBatch> work) {
        ProjectionBatch.apply(BATCH, () -> new IdentityIndexBatch(index, ProjectionBatch.aggregatesOfBatch(),
                maxBlockSize), work);
    }
}
