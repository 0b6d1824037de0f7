package dev.cdm.bench.replay;

import com.mongodb.client.MongoClient;
import dev.cdm.bench.Deadline;
import dev.cdm.kernel.axon.DataKeyPrefetchingStorageEngine;
import dev.cdm.kernel.axon.EventUpcasters;
import dev.cdm.profile.query.ProfileViewAccess;
import dev.cdm.profile.query.ProfileViewProjection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.serialization.Serializer;

/**
 * One replay: the real profile-view projection in a fresh Axon configuration (as AxonPlatform builds it: the stable
 * serializer, the event store that fetches each page's data keys together, the upcasters, no transaction manager, tokens in MongoDB, a tracking processor of {@code batchSize})
 * with {@code segments} segments and as many threads, from an empty read model until every segment has reached the
 * event store's head.
 */
final class ReplayRun {

    private static final long POLL_MILLIS = 10;

    private final ReplayStores stores;
    private final int batchSize;

    ReplayRun(ReplayStores stores, int batchSize) {
        this.stores = stores;
        this.batchSize = batchSize;
    }

    /** Replays into database {@code database} (dropped first) and reports the time; the read model stays. */
    Result replay(String database, int segments, long headIndex, long events, Deadline deadline) {
        MongoClient mongo = stores.mongo();
        mongo.getDatabase(database).drop();
        ReadModelTimes times = new ReadModelTimes();
        var repository = ProfileViewAccess.repository(TimedMongo.database(mongo.getDatabase(database), times));
        ProfileViewAccess.reset(repository);
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (ThreadConnections connections = stores.connections()) {
            Serializer serializer = stores.serializer(connections, times);
            Configuration configuration = configure(serializer, connections, database, segments,
                    new ProfileViewProjection(repository), times, failure).buildConfiguration();
            long start = System.nanoTime();
            configuration.start();
            try {
                TrackingEventProcessor processor = configuration.eventProcessingConfiguration()
                        .eventProcessor(ProfileViewProjection.NAME, TrackingEventProcessor.class).orElseThrow();
                boolean complete = awaitHead(processor, segments, headIndex, failure, deadline);
                long nanos = System.nanoTime() - start;
                return new Result(segments, events, nanos, complete, times.snapshot());
            } finally {
                configuration.shutdown();
            }
        }
    }

    private Configurer configure(Serializer serializer, ThreadConnections connections, String database,
                                 int segments, ProfileViewProjection projection, ReadModelTimes times,
                                 AtomicReference<Exception> failure) {
        EventSchema schema = EventSchema.builder().build();
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureTransactionManager(c -> NoTransactionManager.INSTANCE)
                .configureEventStore(c -> EmbeddedEventStore.builder()
                        .storageEngine(new DataKeyPrefetchingStorageEngine(JdbcEventStorageEngine.builder()
                                .connectionProvider(connections)
                                .transactionManager(NoTransactionManager.INSTANCE)
                                .eventSerializer(serializer)
                                .snapshotSerializer(serializer)
                                .upcasterChain(c.upcasterChain())
                                .schema(schema)))
                        .build());
        EventUpcasters.all().forEach(upcaster -> configurer.registerEventUpcaster(c -> upcaster));
        MessageHandlerInterceptor<EventMessage<?>> timing = (unitOfWork, chain) -> {
            long start = System.nanoTime();
            // what the handler's parameters would do first: the payload and metadata, deserialized once
            unitOfWork.getMessage().getPayload();
            unitOfWork.getMessage().getMetaData();
            times.deserialized(System.nanoTime() - start);
            start = System.nanoTime();
            try {
                return chain.proceed();
            } finally {
                times.handled(System.nanoTime() - start);
            }
        };
        configurer.eventProcessing()
                .usingTrackingEventProcessors()
                .registerTokenStore(c -> MongoTokenStore.builder()
                        .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(stores.mongo(), database).build())
                        .serializer(serializer)
                        .nodeId("replay-benchmark")
                        .build())
                .registerTrackingEventProcessorConfiguration(c -> TrackingEventProcessorConfiguration
                        .forParallelProcessing(segments)
                        .andInitialSegmentsCount(segments)
                        .andBatchSize(batchSize))
                // as the services: a failing event is retried; here the run also stops and reports it
                .registerDefaultListenerInvocationErrorHandler(c -> (exception, event, handler) -> {
                    failure.compareAndSet(null, exception);
                    throw exception;
                })
                .registerEventHandler(c -> projection)
                .registerHandlerInterceptor(ProfileViewProjection.NAME, c -> timing);
        return configurer;
    }

    /** True once every segment's position is at the head; false if the deadline came first. */
    private static boolean awaitHead(TrackingEventProcessor processor, int segments, long headIndex,
                                     AtomicReference<Exception> failure, Deadline deadline) {
        while (!deadline.passed()) {
            if (failure.get() != null) {
                throw new IllegalStateException("The projection failed during the replay", failure.get());
            }
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            if (status.size() == segments && status.values().stream().allMatch(s -> s.isCaughtUp()
                    && s.getCurrentPosition().orElse(-1) >= headIndex)) {
                return true;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** {@code events} replayed with {@code segments} segments in {@code nanos}; not complete if cut by the deadline. */
    record Result(int segments, long events, long nanos, boolean complete, ReadModelTimes.Snapshot times) {

        double rate() {
            return dev.cdm.bench.report.Numbers.perSecond(events, nanos);
        }

        /** Thread time outside deserialization and the handlers: reading events, storing tokens, Axon, waiting. */
        long outsideHandlerNanos() {
            return Math.max(0, nanos * segments - times.deserializeNanos() - times.handlerNanos());
        }
    }
}
