package dev.cdm.consent.query;

import dev.cdm.consent.api.CompleteErasureCommand;
import dev.cdm.consent.api.DataSubjectRequestView;
import dev.cdm.consent.api.DataSubjectRequestView.Type;
import dev.cdm.kernel.crypto.DataKeys;
import dev.cdm.kernel.events.DataKeysDestroyedEvent;
import dev.cdm.kernel.events.ErasedIdentifiers;
import dev.cdm.kernel.events.ErasureAcknowledgedEvent;
import dev.cdm.kernel.events.ErasureCompletedEvent;
import dev.cdm.kernel.events.ErasureRequestedEvent;
import dev.cdm.kernel.events.ProcessingRestrictedEvent;
import dev.cdm.kernel.events.ProcessingRestrictionLiftedEvent;
import dev.cdm.kernel.events.RectificationAppliedEvent;
import dev.cdm.kernel.events.RectificationRequestedEvent;
import dev.cdm.kernel.events.RestrictionRequestedEvent;
import dev.cdm.kernel.events.SubjectDataExportedEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

/**
 * Keeps the data-subject requests read model and coordinates erasures: when the last participating service has
 * acknowledged, it destroys the request's own key (which sealed the subject's identifier HMACs for the services)
 * and completes the request with the hash of its evidence. Both are idempotent, so a replay that passes the
 * acknowledgements again changes nothing.
 */
@ProcessingGroup(DataSubjectRequestProjection.NAME)
public class DataSubjectRequestProjection {

    public static final String NAME = "data-subject-requests";

    private final DataSubjectRequestRepository repository;
    private final CommandGateway commands;
    private final DataKeys keys;
    private final List<String> participants;
    private final Clock clock;

    public DataSubjectRequestProjection(DataSubjectRequestRepository repository, CommandGateway commands,
                                        DataKeys keys, List<String> participants, Clock clock) {
        this.repository = repository;
        this.commands = commands;
        this.keys = keys;
        this.participants = List.copyOf(participants);
        this.clock = clock;
    }

    @EventHandler
    void on(ErasureRequestedEvent event) {
        repository.requested(event.requestId(), Type.ERASURE, event.regulation(), event.profileId(),
                event.mergedProfileIds(), event.records().size(), event.requestedBy(), event.requestedAt(),
                event.dueAt());
    }

    @EventHandler
    void on(RestrictionRequestedEvent event) {
        repository.requested(event.requestId(), Type.RESTRICTION, event.regulation(), event.profileId(),
                event.mergedProfileIds(), 0, event.requestedBy(), event.requestedAt(), event.dueAt());
    }

    @EventHandler
    void on(ProcessingRestrictedEvent event) {
        repository.restricted(event.requestId(), event.restrictedAt());
    }

    @EventHandler
    void on(ProcessingRestrictionLiftedEvent event) {
        repository.lifted(event.requestId(), event.liftedBy(), event.liftedAt());
    }

    @EventHandler
    void on(RectificationRequestedEvent event) {
        repository.requested(event.requestId(), Type.RECTIFICATION, event.regulation(), event.profileId(),
                event.mergedProfileIds(), 0, event.requestedBy(), event.requestedAt(), event.dueAt());
        repository.rectificationRequested(event.requestId(), event.fields());
    }

    @EventHandler
    void on(RectificationAppliedEvent event) {
        repository.rectified(event.requestId(), event.rectifiedAt());
    }

    @EventHandler
    void on(SubjectDataExportedEvent event) {
        repository.requested(event.requestId(), Type.EXPORT, event.regulation(), event.profileId(),
                event.mergedProfileIds(), event.recordCount(), event.requestedBy(), event.requestedAt(),
                event.dueAt());
        repository.exported(event.requestId(), event.exportedAt(), event.contentSha256(), event.contentBytes());
    }

    @EventHandler
    void on(DataKeysDestroyedEvent event) {
        repository.keysDestroyed(event.requestId(), event.keyIds(), event.destroyedAt());
    }

    @EventHandler
    void on(ErasureAcknowledgedEvent event) {
        repository.acknowledged(event.requestId(), event.service(), event.purged(), event.acknowledgedAt());
        Optional<DataSubjectRequestView> request = repository.find(event.requestId());
        if (request.isPresent() && request.get().completedAt() == null && request.get().keysDestroyedAt() != null
                && request.get().pendingServices(participants).isEmpty()) {
            keys.destroy(List.of(ErasedIdentifiers.requestKeyOf(event.requestId())));
            Instant completedAt = clock.instant();
            commands.sendAndWait(new CompleteErasureCommand(event.requestId(),
                    ErasureCertificates.evidenceSha256(request.get(), completedAt), completedAt));
        }
    }

    @EventHandler
    void on(ErasureCompletedEvent event) {
        repository.completed(event.requestId(), event.completedAt(), event.evidenceSha256());
    }

    @ResetHandler
    void onReset() {
        repository.dropAll();
    }
}
