package dev.cdm.consent.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.cdm.consent.api.CompleteErasureCommand;
import dev.cdm.consent.api.RecordKeysDestroyedCommand;
import dev.cdm.consent.api.RequestErasureCommand;
import dev.cdm.kernel.events.DataKeysDestroyedEvent;
import dev.cdm.kernel.events.ErasureCompletedEvent;
import dev.cdm.kernel.events.ErasureRequestedEvent;
import dev.cdm.kernel.events.SourceRecordKey;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * One data-subject request and its workflow: requested, keys destroyed, completed once every service has
 * acknowledged. Each step happens once; a repeated command changes nothing.
 */
public class DataSubjectRequest {

    static final String KEYS_NOT_DESTROYED = "An erasure cannot complete before its keys are destroyed";

    @AggregateIdentifier
    private String requestId;
    private List<String> profileIds;
    private List<SourceRecordKey> records;
    private boolean keysDestroyed;
    private boolean completed;

    DataSubjectRequest() {
        // for Axon: state is rebuilt from events
    }

    @CommandHandler
    DataSubjectRequest(RequestErasureCommand command) {
        apply(new ErasureRequestedEvent(command.requestId(), command.profileId(), command.mergedProfileIds(),
                command.records(), command.requestedBy(), command.requestedAt(), command.dueAt()));
    }

    @CommandHandler
    void handle(RecordKeysDestroyedCommand command) {
        if (!keysDestroyed) {
            apply(new DataKeysDestroyedEvent(requestId, profileIds, records, command.keyIds(),
                    command.destroyedAt()));
        }
    }

    @CommandHandler
    void handle(CompleteErasureCommand command) {
        if (completed) {
            return;
        }
        if (!keysDestroyed) {
            throw new IllegalStateException(KEYS_NOT_DESTROYED);
        }
        apply(new ErasureCompletedEvent(requestId, command.completedAt(), command.evidenceSha256()));
    }

    @EventSourcingHandler
    void on(ErasureRequestedEvent event) {
        requestId = event.requestId();
        profileIds = event.allProfileIds();
        records = event.records();
    }

    @EventSourcingHandler
    void on(DataKeysDestroyedEvent event) {
        keysDestroyed = true;
    }

    @EventSourcingHandler
    void on(ErasureCompletedEvent event) {
        completed = true;
    }
}
