package dev.cdm.kernel.erasure;

import dev.cdm.kernel.crypto.DataKeys;
import dev.cdm.kernel.crypto.DataSubjects;
import dev.cdm.kernel.events.DataKeysDestroyedEvent;
import dev.cdm.kernel.events.ErasureAcknowledgedEvent;
import dev.cdm.kernel.events.ErasureAcknowledgedEvent.PurgedStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.axonframework.config.Configuration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.jboss.logging.Logger;

/**
 * A service's part in every erasure. Once the keys are destroyed it forgets them, purges every
 * {@link PersonalDataPurge} store (which may append events, such as a profile's erasure), waits until each of the
 * service's projections (and every rebuild of one) has passed all of that (so none still holds or writes back what
 * it read before), and acknowledges with what it removed.
 */
@ProcessingGroup(ErasureParticipant.PROCESSING_GROUP)
@DisallowReplay
public final class ErasureParticipant {

    public static final String PROCESSING_GROUP = "erasure-participant";
    private static final Logger LOG = Logger.getLogger(ErasureParticipant.class);
    private static final Duration POLL = Duration.ofMillis(20);

    private final Configuration axon;
    private final DataKeys keys;
    private final List<PersonalDataPurge> purges;
    private final String serviceName;
    private final Clock clock;
    private final Duration projectionWait;
    private final Supplier<List<TrackingEventProcessor>> rebuilds;

    public ErasureParticipant(Configuration axon, DataKeys keys, List<PersonalDataPurge> purges,
                              Supplier<List<TrackingEventProcessor>> rebuilds, String serviceName,
                              Clock clock, Duration projectionWait) {
        this.rebuilds = rebuilds;
        this.axon = axon;
        this.keys = keys;
        this.purges = List.copyOf(purges);
        this.serviceName = serviceName;
        this.clock = clock;
        this.projectionWait = projectionWait;
    }

    @EventHandler
    void on(DataKeysDestroyedEvent erasure) throws InterruptedException {
        keys.forget(DataSubjects.ofRecords(erasure.records()), erasure.keyIds());
        List<PurgedStore> purged = new ArrayList<>();
        purges.forEach(purge -> purged.addAll(purge.purge(erasure)));
        TrackingToken head = axon.eventStore().createHeadToken();
        awaitProjectionsPast(head == null ? -1 : head.position().orElse(-1));
        axon.eventGateway().publish(new ErasureAcknowledgedEvent(erasure.requestId(), serviceName, purged,
                clock.instant()));
        LOG.infof("Erasure %s purged from %s: %s", erasure.requestId(), serviceName, purged);
    }

    /**
     * Throws (and the event is retried) when a projection, or a rebuild of one running beside it, has not reached
     * {@code position} in time.
     */
    private void awaitProjectionsPast(long position) throws InterruptedException {
        long deadline = System.nanoTime() + projectionWait.toNanos();
        List<TrackingEventProcessor> processors = new ArrayList<>();
        for (String name : axon.eventProcessingConfiguration().eventProcessors().keySet()) {
            if (!name.equals(PROCESSING_GROUP)) {
                axon.eventProcessingConfiguration().eventProcessor(name, TrackingEventProcessor.class)
                        .ifPresent(processors::add);
            }
        }
        processors.addAll(rebuilds.get());
        for (TrackingEventProcessor processor : processors) {
            while (!past(processor, position)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Projection " + processor.getName() + " has not passed the "
                            + "erasure within " + projectionWait.toSeconds() + " s; retrying");
                }
                Thread.sleep(POLL.toMillis());
            }
        }
    }

    /**
     * Whether every segment this node processes has read up to {@code position}. Gaps below it do not count: they
     * are mostly inserts that rolled back (a duplicate request, a batch retried alone) and stay in tokens until
     * Axon's gap timeout, and an event that does fill one later is projected with its personal data unreadable.
     */
    private static boolean past(TrackingEventProcessor processor, long position) {
        for (EventTrackerStatus segment : processor.processingStatus().values()) {
            TrackingToken token = segment.getTrackingToken();
            if (token == null || WrappedToken.unwrapLowerBound(token).position().orElse(-1) < position) {
                return false;
            }
        }
        return true;
    }
}
