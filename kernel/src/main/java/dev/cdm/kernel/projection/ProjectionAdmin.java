package dev.cdm.kernel.projection;

import com.mongodb.client.MongoClient;
import dev.cdm.kernel.axon.AxonModule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeoutException;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Lists this service's projections (one tracking processor each) and rebuilds one from the event store while the
 * live one keeps serving (blue/green, {@link ProjectionRebuild}): the rebuild fills collections beside the live ones
 * and, once it has caught up with the head of the event store as it was when it began, replaces them.
 */
@ApplicationScoped
public class ProjectionAdmin {

    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration AWAIT_POLL = Duration.ofMillis(2);
    private static final Duration CLAIM_WAIT = Duration.ofSeconds(10);
    static final Duration GAP_GRACE = Duration.ofSeconds(2);

    @Inject
    Configuration axon;

    @Inject
    Instance<AxonModule> modules;

    @Inject
    RunningRebuilds rebuilds;

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "cdm.mongodb.database")
    String database;

    @ConfigProperty(name = "cdm.service.name")
    String serviceName;

    /** Segments (threads) of a rebuild, for the projections that allow more than one. */
    @ConfigProperty(name = "cdm.replay.segments", defaultValue = "2")
    int replaySegments;

    @ConfigProperty(name = "cdm.replay.batch-size", defaultValue = "500")
    int replayBatchSize;

    public List<ProjectionStatusView> list() {
        return axon.eventProcessingConfiguration().eventProcessors().keySet().stream()
                .sorted()
                .map(this::status)
                .toList();
    }

    public ProjectionStatusView status(String name) {
        TrackingEventProcessor processor = processor(name);
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        boolean replaying = segments.stream().anyMatch(EventTrackerStatus::isReplaying);
        boolean caughtUp = !segments.isEmpty() && segments.stream().allMatch(EventTrackerStatus::isCaughtUp);
        long position = segments.stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .min().orElse(-1);
        Optional<ProjectionRebuild> rebuild = rebuilds.of(name);
        return new ProjectionStatusView(name, serviceName, processor.isRunning(), replaying || rebuild.isPresent(),
                caughtUp, position, processor.isError() || rebuild.filter(ProjectionRebuild::failing).isPresent(),
                processor.supportsReset(), rebuild.map(ProjectionRebuild::progress).orElse(null));
    }

    /**
     * Rebuilds projection {@code name} beside the live one and switches to it; returns once the live processor
     * (now writing the rebuilt collections) has caught up. On a timeout or failure the rebuild is dropped and the
     * live read model stays as it was.
     */
    public ProjectionStatusView replay(String name, Duration timeout) throws TimeoutException, InterruptedException {
        TrackingEventProcessor live = processor(name);
        if (!live.supportsReset()) {
            throw new NotReplayableException(name);
        }
        RebuildableProjection projection = rebuildable(name).orElseThrow(() -> new RebuildRefusedException(
                "'" + name + "' declares no rebuild (its service's AxonModule lists none under that name)"));
        long deadline = System.nanoTime() + timeout.toNanos();
        awaitClaim(live, name);
        long head = headPosition();
        int segments = segments(projection);
        ProjectionRebuild rebuild = rebuilds.begin(name, () -> ProjectionRebuild.start(axon, projection, live,
                mongo.getDatabase(database), segments, replayBatchSize, head));
        boolean handedOver = false;
        try {
            while (!rebuild.reachedTarget()) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("Rebuild of " + name + " did not catch up within " + timeout);
                }
                Thread.sleep(POLL.toMillis());
            }
            rebuild.handOver(this::headPosition, Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))
                    .plus(POLL));
            handedOver = true;
        } finally {
            if (!handedOver) {
                rebuild.abandon();
            }
            rebuilds.end(name);
        }
        while (!hasCaughtUp(status(name), head)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("Projection " + name + " did not resume within " + timeout);
            }
            Thread.sleep(POLL.toMillis());
        }
        return status(name);
    }

    /** How many segments rebuild projection {@code name}: as many as configured, where the projection allows. */
    public int rebuildSegments(String name) {
        return rebuildable(name).map(this::segments).orElse(1);
    }

    private int segments(RebuildableProjection projection) {
        return Math.max(1, Math.min(projection.maxSegments(), replaySegments));
    }

    private Optional<RebuildableProjection> rebuildable(String name) {
        return modules.stream()
                .flatMap(module -> module.rebuildableProjections().stream())
                .filter(projection -> projection.name().equals(name))
                .findFirst();
    }

    /** A rebuild hands over to the live processor of this node, so this node must be the one processing it. */
    private static void awaitClaim(TrackingEventProcessor live, String name) throws InterruptedException {
        long deadline = System.nanoTime() + CLAIM_WAIT.toNanos();
        while (live.processingStatus().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new RebuildRefusedException("'" + name + "' is processed by another node (or not at all); "
                        + "rebuild it there");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /**
     * Waits until projection {@code name} has processed every event up to global position {@code position}. A gap
     * below the position (an index allocated by a transaction that had not committed when the projection read past
     * it) is waited for during {@link #GAP_GRACE} only: it may belong to a transaction that rolled back, and such a
     * gap is never filled.
     */
    public ProjectionStatusView awaitPosition(String name, long position, Duration timeout)
            throws TimeoutException, InterruptedException {
        long start = System.nanoTime();
        return awaitPosition(name, position, start + timeout.toNanos(), start + GAP_GRACE.toNanos(), timeout);
    }

    private ProjectionStatusView awaitPosition(String name, long position, long deadline, long graceEnd,
                                               Duration timeout) throws TimeoutException, InterruptedException {
        TrackingEventProcessor processor = processor(name);
        while (true) {
            ProjectionStatusView status = status(name);
            boolean gapsSettled = System.nanoTime() > graceEnd || !hasGapsUpTo(processor, position);
            if (status.running() && status.position() >= position && gapsSettled) {
                return status;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("Projection " + name + " did not reach position " + position + " within "
                        + timeout);
            }
            Thread.sleep(AWAIT_POLL.toMillis());
        }
    }

    /**
     * The global position up to which projection {@code name} has processed every event: its position, or just
     * below its lowest gap (an index it read past while its transaction had not committed); -1 while it is
     * replaying, as its read model is then incomplete at any position.
     */
    public long settledPosition(String name) {
        TrackingEventProcessor processor = processor(name);
        long settled = Long.MAX_VALUE;
        for (EventTrackerStatus segment : processor.processingStatus().values()) {
            if (segment.isReplaying() || segment.getTrackingToken() == null) {
                return -1;
            }
            TrackingToken token = WrappedToken.unwrapLowerBound(segment.getTrackingToken());
            long position = token.position().orElse(-1);
            if (token instanceof GapAwareTrackingToken gapAware && !gapAware.getGaps().isEmpty()) {
                position = Math.min(position, gapAware.getGaps().first() - 1);
            }
            settled = Math.min(settled, position);
        }
        return settled == Long.MAX_VALUE || !processor.isRunning() ? -1 : settled;
    }

    private static boolean hasGapsUpTo(TrackingEventProcessor processor, long position) {
        return processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getTrackingToken)
                .map(token -> WrappedToken.unwrapLowerBound(token))
                .filter(GapAwareTrackingToken.class::isInstance)
                .map(GapAwareTrackingToken.class::cast)
                .anyMatch(token -> token.getGaps().stream().anyMatch(gap -> gap <= position));
    }

    /**
     * Read-your-writes for a query that missed: waits at most {@code timeout} for projection {@code name} to read
     * up to the head of the store as it was at the call. Returns at once when it has, and false when it did not in
     * time. Unlike {@link #awaitPosition} it does not wait out old gaps (of rolled-back transactions): a query of an
     * unknown id must not pay their grace period.
     */
    public boolean catchUp(String name, Duration timeout) throws InterruptedException {
        long head = headPosition();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            ProjectionStatusView status = status(name);
            if (status.running() && status.position() >= head) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(AWAIT_POLL.toMillis());
        }
    }

    /**
     * Waits until every projection of this service has processed every event stored before the call; returns the
     * head position they reached.
     */
    public long awaitAll(Duration timeout) throws TimeoutException, InterruptedException {
        long head = headPosition();
        long start = System.nanoTime();
        // one grace period for the whole call: the gaps of one rolled-back insert are in every projection's token
        long graceEnd = start + GAP_GRACE.toNanos();
        for (String name : axon.eventProcessingConfiguration().eventProcessors().keySet()) {
            awaitPosition(name, head, start + timeout.toNanos(), graceEnd, timeout);
        }
        return head;
    }

    // Not "!replaying": Axon leaves a token in replay mode until it handles an event past the reset position,
    // which on a quiet store may never come.
    private static boolean hasCaughtUp(ProjectionStatusView status, long head) {
        return status.running() && status.caughtUp() && status.position() >= head;
    }

    private long headPosition() {
        TrackingToken head = axon.eventStore().createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    private TrackingEventProcessor processor(String name) {
        Map<String, ?> processors = axon.eventProcessingConfiguration().eventProcessors();
        if (!processors.containsKey(name)) {
            throw new UnknownProjectionException(name);
        }
        return axon.eventProcessingConfiguration()
                .eventProcessor(name, TrackingEventProcessor.class)
                .orElseThrow(() -> new UnknownProjectionException(name));
    }
}
