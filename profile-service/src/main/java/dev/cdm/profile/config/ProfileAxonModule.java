package dev.cdm.profile.config;

import dev.cdm.kernel.axon.AxonModule;
import dev.cdm.kernel.crypto.SuppressionKeys;
import dev.cdm.kernel.projection.RebuildableProjection;
import dev.cdm.profile.activity.ActivityRecorder;
import dev.cdm.profile.activity.PendingActivityMatcher;
import dev.cdm.profile.activity.PendingActivityRepository;
import dev.cdm.profile.command.CustomerProfile;
import dev.cdm.profile.identity.IdentityIndexProjection;
import dev.cdm.profile.identity.IdentityIndexRepository;
import dev.cdm.profile.identity.MatchPolicy;
import dev.cdm.profile.query.ProfileViewProjection;
import dev.cdm.profile.query.ProfileViewRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Registers the CustomerProfile aggregate (snapshotted every {@code cdm.profile.snapshot-threshold} events), the
 * profile-view and identity-index projections, the pending-activity matcher and the events' origin metadata.
 */
@ApplicationScoped
class ProfileAxonModule implements AxonModule {

    @Inject
    ProfileViewRepository repository;

    @Inject
    IdentityIndexRepository identityIndex;

    @Inject
    MatchPolicy identityPolicy;

    @Inject
    PendingActivityRepository pendingActivities;

    @Inject
    ActivityRecorder activityRecorder;

    @Inject
    SuppressionKeys identifierKeys;

    @ConfigProperty(name = "cdm.profile.snapshot-threshold", defaultValue = "100")
    int snapshotThreshold;

    @Override
    public void configure(Configurer configurer) {
        // Axon's snapshotter (synchronous: Configuration.snapshotter() runs on the caller's thread) stores the
        // aggregate with the event store's snapshot serializer once a command's transaction has committed, or when
        // a load has read more than the threshold; loading then reads the snapshot and the events after it
        configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(CustomerProfile.class)
                .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(
                        c.snapshotter(), snapshotThreshold)));
        configurer.eventProcessing().registerEventHandler(c -> new ProfileViewProjection(repository));
        configurer.eventProcessing().registerEventHandler(c -> new IdentityIndexProjection(identityIndex,
                identityPolicy.maxBlockSize()));
        configurer.eventProcessing().registerEventHandler(c -> new PendingActivityMatcher(pendingActivities,
                activityRecorder, identifierKeys));
    }

    /**
     * The profile view may be rebuilt by several segments: each profile document is written by its own events only,
     * and lookup lists change by set operations. The match index routes a record from one profile to another on a
     * merge or split, so it is rebuilt in event order.
     */
    @Override
    public List<RebuildableProjection> rebuildableProjections() {
        return List.of(
                new RebuildableProjection(ProfileViewProjection.NAME, ProfileViewRepository.COLLECTIONS,
                        Integer.MAX_VALUE, c -> new ProfileViewProjection(repository.rebuilding())),
                RebuildableProjection.sequential(IdentityIndexProjection.NAME, IdentityIndexRepository.COLLECTIONS,
                        c -> new IdentityIndexProjection(identityIndex.rebuilding(), identityPolicy.maxBlockSize())));
    }
}
