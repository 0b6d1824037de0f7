package dev.cdm.analytics.query;

import dev.cdm.kernel.events.ProfileCreatedEvent;
import dev.cdm.kernel.events.SourceRecordChangedEvent;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.events.SourceRecordLinkedEvent;
import java.time.Instant;
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

    private final ProfileFactsRepository repository;

    public ProfileFactsProjection(ProfileFactsRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(ProfileCreatedEvent event, @SequenceNumber long sequence) {
        repository.saveIfNewer(ProfileFacts.created(event.profileId(), sequence));
    }

    @EventHandler
    void on(SourceRecordLinkedEvent event, @SequenceNumber long sequence) {
        applyRecord(event.profileId(), event.record(), event.person().country(), event.receivedAt(), sequence);
    }

    @EventHandler
    void on(SourceRecordChangedEvent event, @SequenceNumber long sequence) {
        applyRecord(event.profileId(), event.record(), event.person().country(), event.receivedAt(), sequence);
    }

    @ResetHandler
    void onReset() {
        repository.dropAll();
    }

    private void applyRecord(String profileId, SourceRecordKey key, String country, Instant receivedAt,
                             long sequence) {
        ProfileFacts current = repository.find(profileId).orElseGet(() -> ProfileFacts.created(profileId, -1));
        if (current.version() >= sequence) {
            return;
        }
        repository.saveIfNewer(current.withRecord(key, country, receivedAt, sequence));
    }
}
