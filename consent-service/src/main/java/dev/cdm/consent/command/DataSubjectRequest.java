package dev.cdm.consent.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.cdm.consent.api.CompleteErasureCommand;
import dev.cdm.consent.api.RecordExportCommand;
import dev.cdm.consent.api.RecordKeysDestroyedCommand;
import dev.cdm.consent.api.RecordRectificationCommand;
import dev.cdm.consent.api.RequestErasureCommand;
import dev.cdm.consent.api.RequestRestrictionCommand;
import dev.cdm.consent.api.SuppressIdentifiersCommand;
import dev.cdm.kernel.events.DataKeysDestroyedEvent;
import dev.cdm.kernel.events.ErasedIdentifiers;
import dev.cdm.kernel.events.ErasureCompletedEvent;
import dev.cdm.kernel.events.ErasureRequestedEvent;
import dev.cdm.kernel.events.IdentifiersSuppressedEvent;
import dev.cdm.kernel.events.RectificationAppliedEvent;
import dev.cdm.kernel.events.RectificationRequestedEvent;
import dev.cdm.kernel.events.RestrictionRequestedEvent;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.events.SubjectDataExportedEvent;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * One data-subject request. An erasure's workflow: requested, keys destroyed, completed once every service has
 * acknowledged; each step happens once, and a repeated command changes nothing. A restriction is recorded here and
 * put in force on the subject's consent ledger (where it is also lifted); an export is recorded once handed over.
 */
public class DataSubjectRequest {

    static final String KEYS_NOT_DESTROYED = "An erasure cannot complete before its keys are destroyed";

    @AggregateIdentifier
    private String requestId;
    private List<String> profileIds;
    private List<SourceRecordKey> records;
    private boolean keysDestroyed;
    private boolean completed;
    private boolean suppressed;

    DataSubjectRequest() {
        // for Axon: state is rebuilt from events
    }

    @CommandHandler
    DataSubjectRequest(RequestErasureCommand command) {
        apply(new ErasureRequestedEvent(command.requestId(), command.profileId(), command.mergedProfileIds(),
                command.records(), command.requestedBy(), command.requestedAt(), command.dueAt(),
                command.regulation()));
    }

    @CommandHandler
    DataSubjectRequest(RequestRestrictionCommand command) {
        apply(new RestrictionRequestedEvent(command.requestId(), command.profileId(), command.mergedProfileIds(),
                command.requestedBy(), command.regulation(), command.requestedAt(), command.dueAt()));
    }

    @CommandHandler
    DataSubjectRequest(RecordExportCommand command) {
        apply(new SubjectDataExportedEvent(command.requestId(), command.profileId(), command.mergedProfileIds(),
                command.recordCount(), command.requestedBy(), command.regulation(), command.requestedAt(),
                command.dueAt(), command.exportedAt(), command.contentSha256(), command.contentBytes()));
    }

    @CommandHandler
    void handle(RecordKeysDestroyedCommand command) {
        if (!keysDestroyed) {
            apply(new DataKeysDestroyedEvent(requestId, profileIds, records, command.keyIds(),
                    ErasedIdentifiers.of(requestId, command.identifierKeys()), command.destroyedAt()));
        }
    }

    @CommandHandler
    void handle(SuppressIdentifiersCommand command) {
        if (!suppressed) {
            apply(new IdentifiersSuppressedEvent(requestId, command.suppressionKeys(), command.suppressedAt()));
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

    @CommandHandler
    DataSubjectRequest(RecordRectificationCommand command) {
        apply(new RectificationRequestedEvent(command.requestId(), command.profileId(), command.mergedProfileIds(),
                command.requestedBy(), command.regulation(), command.requestedAt(), command.dueAt(),
                command.fields()));
        apply(new RectificationAppliedEvent(command.requestId(), command.profileId(), command.record(),
                command.rectifiedAt()));
    }

    @EventSourcingHandler
    void on(RectificationRequestedEvent event) {
        requestId = event.requestId();
        profileIds = List.of(event.profileId());
        records = List.of();
    }

    @EventSourcingHandler
    void on(RectificationAppliedEvent event) {
        completed = true;
    }

    @EventSourcingHandler
    void on(RestrictionRequestedEvent event) {
        requestId = event.requestId();
        profileIds = List.of(event.profileId());
        records = List.of();
    }

    @EventSourcingHandler
    void on(SubjectDataExportedEvent event) {
        requestId = event.requestId();
        profileIds = List.of(event.profileId());
        records = List.of();
        completed = true;
    }

    @EventSourcingHandler
    void on(IdentifiersSuppressedEvent event) {
        suppressed = true;
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
