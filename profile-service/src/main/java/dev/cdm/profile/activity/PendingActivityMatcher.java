package dev.cdm.profile.activity;

import dev.cdm.kernel.crypto.SuppressionKeys;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.SourceRecordChangedEvent;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.events.SourceRecordLinkedEvent;
import dev.cdm.profile.api.ProfileView;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.jboss.logging.Logger;

/**
 * Records the pending activities of an identifier as soon as a record carrying it is linked to a profile (or
 * changes to carry it). Idempotent (an activity recorded twice is a duplicate), acts on events rather than
 * projecting them: never replayed.
 */
@ProcessingGroup(PendingActivityMatcher.NAME)
@DisallowReplay
public class PendingActivityMatcher {

    public static final String NAME = "pending-activities";
    private static final Logger LOG = Logger.getLogger(PendingActivityMatcher.class);

    private final PendingActivityRepository pending;
    private final ActivityRecorder recorder;
    private final SuppressionKeys identifierKeys;

    public PendingActivityMatcher(PendingActivityRepository pending, ActivityRecorder recorder,
                                  SuppressionKeys identifierKeys) {
        this.pending = pending;
        this.recorder = recorder;
        this.identifierKeys = identifierKeys;
    }

    @EventHandler
    void on(SourceRecordLinkedEvent event) {
        release(event.profileId(), event.record(), event.person());
    }

    @EventHandler
    void on(SourceRecordChangedEvent event) {
        release(event.profileId(), event.record(), event.person());
    }

    private void release(String profileId, SourceRecordKey record, PersonData person) {
        List<String> lookups = new ArrayList<>(ProfileView.lookupKeysOf(person));
        lookups.add(Customer.lookupKeyOf(record));
        for (PendingActivityRepository.Pending held : pending.heldFor(identifierKeys.keyed(lookups))) {
            try {
                recorder.recordHeld(profileId, record, held.activity());
            } catch (UnknownCustomerException gone) {
                LOG.infof("Pending activity %s stays pending: %s", held.id(), gone.getMessage());
                continue;
            }
            pending.release(held.id());
        }
    }
}
