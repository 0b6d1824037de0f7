package dev.cdm.analytics.query;

import dev.cdm.kernel.events.MovedRecord;
import dev.cdm.kernel.events.ProcessingRestrictedEvent;
import dev.cdm.kernel.events.ProcessingRestrictionLiftedEvent;
import dev.cdm.kernel.events.ProfileCreatedEvent;
import dev.cdm.kernel.events.ProfileErasedEvent;
import dev.cdm.kernel.events.ProfileMergedIntoEvent;
import dev.cdm.kernel.events.ProfilesMergedEvent;
import dev.cdm.kernel.events.SourceRecordsSplitEvent;
import dev.cdm.kernel.projection.DocumentBatch;
import dev.cdm.kernel.projection.ProjectionBatch;
import dev.cdm.kernel.events.SourceRecordChangedEvent;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.events.SourceRecordLinkedEvent;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;

/**
 * Keeps {@code profile_facts}, from which the profile counts are computed. Of the person fields it keeps only the
 * country. Idempotent: every profile remembers the sequence number of the last event applied to it, so an event
 * delivered again changes nothing. Nothing here reads the clock, so a replay rebuilds identical documents.
 */
@ProcessingGroup(ProfileFactsProjection.NAME)
public class ProfileFactsProjection {

    public static final String NAME = "analytics-profile-counts";
    private static final String BATCH = ProfileFactsProjection.class.getName() + "/batch";

    private final ProfileFactsRepository repository;

    public ProfileFactsProjection(ProfileFactsRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(ProfileCreatedEvent event, @SequenceNumber long sequence) {
        batch(facts -> {
            if (facts.find(event.profileId()).filter(f -> f.version() >= sequence).isEmpty()) {
                facts.save(event.profileId(), ProfileFacts.created(event.profileId(), sequence));
            }
        });
    }

    @EventHandler
    void on(SourceRecordLinkedEvent event, @SequenceNumber long sequence) {
        applyRecord(event.profileId(), event.record(), event.person().country(), event.receivedAt(), sequence);
    }

    @EventHandler
    void on(SourceRecordChangedEvent event, @SequenceNumber long sequence) {
        applyRecord(event.profileId(), event.record(), event.person().country(), event.receivedAt(), sequence);
    }

    @EventHandler
    void on(ProfilesMergedEvent event, @SequenceNumber long sequence) {
        update(event.profileId(), sequence, facts -> {
            ProfileFacts next = facts;
            for (MovedRecord moved : event.records()) {
                next = next.withRecord(moved.record(), moved.person().country(), moved.receivedAt(), sequence);
            }
            return next;
        });
    }

    @EventHandler
    void on(ProfileMergedIntoEvent event, @SequenceNumber long sequence) {
        update(event.profileId(), sequence, facts -> facts.retired(sequence));
    }

    @EventHandler
    void on(SourceRecordsSplitEvent event, @SequenceNumber long sequence) {
        update(event.profileId(), sequence, facts -> facts.withoutRecords(event.records(), sequence));
    }

    @EventHandler
    void on(ProcessingRestrictedEvent event) {
        restrict(event.subjectId(), true);
    }

    @EventHandler
    void on(ProcessingRestrictionLiftedEvent event) {
        restrict(event.subjectId(), false);
    }

    /** An erased profile leaves the facts (its record keys and countries) and the counts. */
    @EventHandler
    void on(ProfileErasedEvent event) {
        batch(facts -> facts.delete(event.profileId()));
    }

    @ResetHandler
    void onReset() {
        repository.dropAll();
    }

    private void applyRecord(String profileId, SourceRecordKey key, String country, Instant receivedAt,
                             long sequence) {
        update(profileId, sequence, facts -> facts.withRecord(key, country, receivedAt, sequence));
    }

    private void restrict(String profileId, boolean restricted) {
        batch(facts -> facts.find(profileId).ifPresent(current -> facts.save(profileId,
                current.restricted(restricted))));
    }

    private void update(String profileId, long sequence, UnaryOperator<ProfileFacts> change) {
        batch(facts -> {
            ProfileFacts current = facts.find(profileId).orElseGet(() -> ProfileFacts.created(profileId, -1));
            if (current.version() < sequence) {
                facts.save(profileId, change.apply(current));
            }
        });
    }

    /** Facts are read and written in bulk per processor batch. */
    private void batch(Consumer<DocumentBatch<ProfileFacts>> work) {
        ProjectionBatch.apply(BATCH, () -> repository.batch(ProjectionBatch.aggregatesOfBatch()), work);
    }
}
