package dev.cdm.kernel.projection;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.RenameCollectionOptions;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.jboss.logging.Logger;

/**
 * One blue/green rebuild of a projection. A second tracking processor ({@code <name>__rebuild}, with as many
 * segments as the projection allows) replays the whole event store into the projection's rebuild collections, while
 * the live processor keeps the live collections current and the service serves from them. Once the rebuild has
 * caught up, {@link #handOver} stops the live processor, lets the rebuild reach the head, renames the rebuilt
 * collections over the live ones and resumes the live processor from where the rebuild stopped: the lower bound of
 * its segments' tokens. Events some segment had applied already are then applied again, which the projections'
 * idempotence (a document's version, set operations on lookup lists) absorbs, as it does after a crash.
 */
final class ProjectionRebuild {

    private static final Logger LOG = Logger.getLogger(ProjectionRebuild.class);
    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final RebuildableProjection projection;
    private final TrackingEventProcessor live;
    private final TrackingEventProcessor rebuild;
    private final TokenStore tokens;
    private final MongoDatabase database;
    private final int segments;
    private final long target;
    private final long startNanos = System.nanoTime();

    private ProjectionRebuild(RebuildableProjection projection, TrackingEventProcessor live,
                              TrackingEventProcessor rebuild, TokenStore tokens, MongoDatabase database,
                              int segments, long target) {
        this.projection = projection;
        this.live = live;
        this.rebuild = rebuild;
        this.tokens = tokens;
        this.database = database;
        this.segments = segments;
        this.target = target;
    }

    /**
     * Starts rebuilding {@code projection} up to (at least) global position {@code target}: clears what an
     * interrupted rebuild left (its tokens; its collections, through the handler's {@code @ResetHandler}), then
     * starts the rebuild processor from the first event.
     */
    static ProjectionRebuild start(Configuration axon, RebuildableProjection projection,
                                   TrackingEventProcessor live, MongoDatabase database, int segments,
                                   int batchSize, long target) {
        String name = projection.name();
        TokenStore tokens = axon.eventProcessingConfiguration().tokenStore(name);
        Object handler = projection.rebuildHandler().apply(axon);
        SimpleEventHandlerInvoker invoker = SimpleEventHandlerInvoker.builder()
                .eventHandlers(handler)
                .parameterResolverFactory(axon.parameterResolverFactory())
                .handlerDefinition(axon.handlerDefinition(handler.getClass()))
                .sequencingPolicy(axon.eventProcessingConfiguration().sequencingPolicy(name))
                .listenerInvocationErrorHandler(PropagatingErrorHandler.INSTANCE)
                .build();
        TrackingEventProcessor rebuild = TrackingEventProcessor.builder()
                .name(rebuildName(name))
                .eventHandlerInvoker(invoker)
                .messageSource(axon.eventStore())
                .tokenStore(tokens)
                // as for the live processors (AxonPlatform): the token is stored after the batch's writes
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration
                        .forParallelProcessing(segments)
                        .andInitialSegmentsCount(segments)
                        .andBatchSize(batchSize))
                .build();
        // the live processor's interceptors (the services' own), but not the one a tracking processor registers for
        // itself: the rebuild has its own, reading its own segment
        axon.eventProcessingConfiguration().interceptorsFor(name).stream()
                .filter(interceptor -> !interceptor.getClass().getName()
                        .startsWith(TrackingEventProcessor.class.getName()))
                .forEach(rebuild::registerHandlerInterceptor);
        deleteTokens(tokens, rebuildName(name));
        invoker.performReset();
        rebuild.start();
        LOG.infof("Rebuilding projection %s beside the live one (%d segments, up to position %d)", name, segments,
                target);
        return new ProjectionRebuild(projection, live, rebuild, tokens, database, segments, target);
    }

    String name() {
        return projection.name();
    }

    TrackingEventProcessor processor() {
        return rebuild;
    }

    RebuildProgress progress() {
        return new RebuildProgress(segments, position(), target, Duration.ofNanos(System.nanoTime() - startNanos));
    }

    boolean failing() {
        return rebuild.isError();
    }

    /** Whether every segment of the rebuild has processed every event up to {@code position}. */
    boolean reached(long position) {
        Collection<EventTrackerStatus> status = rebuild.processingStatus().values();
        return status.size() == segments && status.stream().allMatch(EventTrackerStatus::isCaughtUp)
                && position() >= position;
    }

    boolean reachedTarget() {
        return reached(target);
    }

    /**
     * Replaces the live read model with the rebuilt one. Writes to the read model pause meanwhile (the live processor
     * is stopped until the rebuild has reached the head and the collections are renamed); reads go on, from the old
     * collections until each rename and from the rebuilt ones after it. The live processor is started again however
     * the hand-over ends, unless it did not stop within {@link #STOP_TIMEOUT}: Axon refuses to start a processor
     * whose shutdown is still pending, so the hand-over then fails with the live collections untouched.
     */
    void handOver(LongSupplier head, Duration timeout) throws TimeoutException, InterruptedException {
        ProcessorStop.stop(live, STOP_TIMEOUT);
        // A restart that fails is suppressed into the hand-over's own exception rather than replacing it.
        try (LiveRestart restart = live::start) {
            long headNow = head.getAsLong();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reached(headNow)) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("Rebuild of " + name() + " did not reach position " + headNow
                            + " within " + timeout);
                }
                Thread.sleep(POLL.toMillis());
            }
            ProcessorStop.stop(rebuild, STOP_TIMEOUT);
            TrackingToken resume = rebuiltPosition();
            replaceLiveCollections();
            resumeAt(tokens, name(), resume);
            deleteTokens(tokens, rebuildName(name()));
            LOG.infof("Projection %s rebuilt up to position %d in %d ms; the rebuilt collections are live", name(),
                    headNow, progress().elapsed().toMillis());
        }
    }

    private interface LiveRestart extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Stops the rebuild and drops what it built; the live read model stays as it was. A rebuild that does not stop
     * keeps its tokens and collections: the next rebuild of the projection clears them when it starts.
     */
    void abandon() {
        try {
            ProcessorStop.stop(rebuild, STOP_TIMEOUT);
        } catch (TimeoutException e) {
            LOG.warnf("Rebuild of projection %s abandoned but not stopped: %s", name(), e.getMessage());
            return;
        }
        deleteTokens(tokens, rebuildName(name()));
        projection.collections().forEach(c -> database.getCollection(ReadModelStore.rebuildName(c)).drop());
        LOG.warnf("Rebuild of projection %s abandoned; the live read model is unchanged", name());
    }

    private long position() {
        return rebuild.processingStatus().values().stream()
                .map(EventTrackerStatus::getTrackingToken)
                .mapToLong(token -> token == null ? -1
                        : WrappedToken.unwrapLowerBound(token).position().orElse(-1))
                .min().orElse(-1);
    }

    /**
     * The lower bound of the rebuild's segment tokens: every event before it is in the rebuilt collections. Axon
     * starts a new processor with a replay token (so that handlers disallowing replay skip the history); its own
     * {@code lowerBound} keeps the other token's position, so the positions are unwrapped and bounded here, and the
     * live processor resumes with a plain token (it is not replaying).
     */
    private TrackingToken rebuiltPosition() {
        TrackingToken lowest = null;
        boolean first = true;
        for (int segment : tokens.fetchSegments(rebuildName(name()))) {
            TrackingToken token = WrappedToken.unwrapLowerBound(tokens.fetchToken(rebuildName(name()), segment));
            lowest = first ? token : lowest == null || token == null ? null : lowest.lowerBound(token);
            first = false;
        }
        return lowest;
    }

    /**
     * Renames each rebuilt collection over its live one (one atomic step each on MongoDB). A collection the rebuild
     * never created (no event wrote to it) means the rebuilt read model has none: the live one is dropped.
     */
    private void replaceLiveCollections() {
        Set<String> existing = database.listCollectionNames().into(new HashSet<>());
        for (String collection : projection.collections()) {
            String rebuilt = ReadModelStore.rebuildName(collection);
            if (existing.contains(rebuilt)) {
                database.getCollection(rebuilt).renameCollection(
                        new MongoNamespace(database.getName(), collection),
                        new RenameCollectionOptions().dropTarget(true));
            } else {
                database.getCollection(collection).drop();
            }
        }
    }

    /**
     * Every segment of the (stopped) processor resumes at {@code resume}. A segment already there is left as it
     * is: Axon's MongoDB token store counts a write as done only when it modifies the entry, and the same token
     * stored within the millisecond of the claim modifies nothing, so it would fail as "unable to claim".
     */
    static void resumeAt(TokenStore tokens, String processor, TrackingToken resume) {
        for (int segment : tokens.fetchSegments(processor)) {
            if (!Objects.equals(tokens.fetchToken(processor, segment), resume)) {
                tokens.storeToken(resume, processor, segment);
            }
            tokens.releaseClaim(processor, segment);
        }
    }

    private static void deleteTokens(TokenStore tokens, String processor) {
        for (int segment : tokens.fetchSegments(processor)) {
            // claiming first: only the owner may delete, and a claim held elsewhere means a rebuild runs there
            tokens.fetchToken(processor, segment);
            tokens.deleteToken(processor, segment);
        }
    }

    static String rebuildName(String projection) {
        return projection + ReadModelStore.REBUILD_SUFFIX;
    }
}
