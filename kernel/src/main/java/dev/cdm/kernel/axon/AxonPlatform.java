package dev.cdm.kernel.axon;

import com.mongodb.client.MongoClient;
import dev.cdm.kernel.crypto.DataKeys;
import dev.cdm.kernel.erasure.ErasureParticipant;
import dev.cdm.kernel.erasure.PersonalDataPurge;
import dev.cdm.kernel.projection.RunningRebuilds;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.TransactionManager;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.serialization.Serializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Axon configuration of one service: the shared PostgreSQL event store, tracking tokens in the service's
 * MongoDB database, stable JSON serialization, and whatever the service's {@link AxonModule}s register.
 */
@Singleton
public class AxonPlatform {

    private final Configuration configuration;

    @Inject
    AxonPlatform(DataSource eventStoreDataSource, TransactionManager jta, MongoClient mongo, DataKeys dataKeys,
                 Instance<AxonModule> modules, Instance<PersonalDataPurge> purges, RunningRebuilds rebuilds,
                 Clock clock,
                 @ConfigProperty(name = "cdm.service.name") String serviceName,
                 @ConfigProperty(name = "cdm.mongodb.database") String database,
                 @ConfigProperty(name = "cdm.axon.batch-size", defaultValue = "100") int batchSize,
                 @ConfigProperty(name = "cdm.axon.node-id") java.util.Optional<String> nodeId,
                 @ConfigProperty(name = "cdm.axon.fetch-delay-millis", defaultValue = "50") long fetchDelayMillis,
                 @ConfigProperty(name = "cdm.erasure.projection-wait", defaultValue = "30s") Duration projectionWait,
                 @ConfigProperty(name = "cdm.axon.token-write-interval", defaultValue = "1s")
                 Duration tokenWriteInterval,
                 @ConfigProperty(name = "cdm.crypto.reads-personal-data", defaultValue = "true")
                 boolean readsPersonalData) {
        EventSchema schema = EventSchema.builder().build();
        EventStoreSchema.ensure(eventStoreDataSource, schema);
        Serializer serializer = StableTypeSerializer.create(dataKeys, readsPersonalData);
        JtaTransactionManager transactions = new JtaTransactionManager(jta);
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                // Projections write to MongoDB outside any transaction. With a transaction manager in place, Axon
                // stores a processor's token *before* running the batch (assuming both commit together), so a
                // crash mid-batch would skip events. Without one it stores the token after the handlers ran.
                .configureTransactionManager(c -> NoTransactionManager.INSTANCE)
                .configureCommandBus(c -> commandBus(c, transactions))
                // Axon's default (correlation and trace id), the command's name and its caller: into the metadata
                // of every event a command causes
                .configureCorrelationDataProviders(c -> List.of(new MessageOriginProvider(),
                        new CommandNameProvider(), CallerMetaData.correlation()))
                .configureEventStore(c -> EmbeddedEventStore.builder()
                        // how long an idle tracking reader waits before it looks again: a commit outside a unit of
                        // work's own transaction (a batch joining it) wakes nobody, so this bounds its visibility
                        .fetchDelay(fetchDelayMillis)
                        .messageMonitor(c.messageMonitor(EventStore.class, "eventStore"))
                        // with each page of events it reads, it fetches their data keys in one query
                        .storageEngine(new DataKeyPrefetchingStorageEngine(JdbcEventStorageEngine.builder()
                        .connectionProvider(eventStoreDataSource::getConnection)
                        .transactionManager(transactions)
                        .eventSerializer(serializer)
                        .snapshotSerializer(serializer)
                        .upcasterChain(c.upcasterChain())
                        // aggregates' snapshot filters (e.g. a revision check) decide which snapshots still fit
                        .snapshotFilter(c.snapshotFilter())
                        .schema(schema)
                        // PostgreSQL's unique violation: a second first event of an aggregate is then an
                        // AggregateStreamCreationException (and a later one a ConcurrencyException), which
                        // callers can tell from a failing store
                        .persistenceExceptionResolver(new SQLStateResolver("23505"))))
                        .build());
        // older revisions of stored events become current ones before anything reads them (aggregates, projections,
        // history): the upcaster chain of the event store above
        EventUpcasters.all().forEach(upcaster -> configurer.registerEventUpcaster(c -> upcaster));
        configurer.eventProcessing()
                .usingTrackingEventProcessors()
                .registerTokenStore(c -> new CoalescingTokenStore(MongoTokenStore.builder()
                        .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(mongo, database).build())
                        .serializer(serializer)
                        .nodeId(nodeId.orElse(serviceName + "@" + hostName()))
                        .build(), tokenWriteInterval))
                .registerTrackingEventProcessorConfiguration(c -> TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing()
                        .andBatchSize(batchSize))
                // a projection that fails on an event retries it (with back-off) instead of skipping it
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.INSTANCE);
        // every service takes part in every erasure: it purges its own stores and acknowledges
        configurer.eventProcessing().registerEventHandler(c -> new ErasureParticipant(c, dataKeys,
                purges.stream().toList(), rebuilds::processors, serviceName, clock, projectionWait));
        modules.forEach(module -> module.configure(configurer));
        this.configuration = configurer.buildConfiguration();
    }

    /** Axon's default command bus, but each command runs in one event store transaction. */
    private static CommandBus commandBus(Configuration c, JtaTransactionManager transactions) {
        SimpleCommandBus bus = SimpleCommandBus.builder()
                .transactionManager(transactions)
                .messageMonitor(c.messageMonitor(SimpleCommandBus.class, "commandBus"))
                .build();
        bus.registerDispatchInterceptor(new CallerMetaData());
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(c.correlationDataProviders()));
        return bus;
    }

    void start(@Observes StartupEvent event) {
        configuration.start();
    }

    void stop(@Observes ShutdownEvent event) {
        configuration.shutdown();
    }

    @Produces
    Configuration configuration() {
        return configuration;
    }

    @Produces
    CommandGateway commandGateway() {
        return configuration.commandGateway();
    }

    @Produces
    EventStore eventStore() {
        return configuration.eventStore();
    }

    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        return host != null && !host.isBlank() ? host : "localhost";
    }
}
