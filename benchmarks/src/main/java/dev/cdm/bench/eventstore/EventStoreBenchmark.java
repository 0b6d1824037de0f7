package dev.cdm.bench.eventstore;

import dev.cdm.bench.BenchStores;
import dev.cdm.bench.Cleanup;
import dev.cdm.bench.CountConverter;
import dev.cdm.bench.Deadline;
import dev.cdm.bench.RunOptions;
import dev.cdm.bench.report.JsonReport;
import dev.cdm.bench.report.Machine;
import dev.cdm.kernel.axon.StableTypeSerializer;
import dev.cdm.kernel.crypto.DataKeys;
import dev.cdm.kernel.crypto.JdbcDataKeyRepository;
import dev.cdm.kernel.crypto.LocalMasterKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Append and tracking-read throughput of the JDBC event store as it grows, on a fresh embedded PostgreSQL. */
@Command(name = "event-store", mixinStandardHelpOptions = true,
        description = "Appends SourceRecordLinkedEvents to a fresh embedded PostgreSQL through Axon's "
                + "JdbcEventStorageEngine (configured as the services configure it) and measures append and "
                + "tracking-read throughput at each store size.")
public final class EventStoreBenchmark implements Callable<Integer> {

    private static final int PROFILES_PER_ROUND = 250;
    private static final int FULL_READS = 2;
    private static final int HEAD_READS = 5;
    private static final int WARMUP_READS = 3;

    @Option(names = "--events", split = ",", defaultValue = "100000,1000000", converter = CountConverter.class,
            description = "Store sizes to measure at, ascending (e.g. 100k,1M). Default: ${DEFAULT-VALUE}.")
    List<Long> sizes;

    @Option(names = "--batch", defaultValue = "100",
            description = "Events per append (one transaction). Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--window", defaultValue = "10000", description = "Events per timed append window. "
            + "Default: ${DEFAULT-VALUE}.")
    int windowSize;

    @Option(names = "--events-per-profile", defaultValue = "4",
            description = "Events per CustomerProfile aggregate. Default: ${DEFAULT-VALUE}.")
    int eventsPerProfile;

    @Option(names = "--read-batch", defaultValue = "100", description = "The engine's fetch batch size, as the "
            + "services leave it. Default: ${DEFAULT-VALUE}.")
    int readBatchSize;

    @Option(names = "--head-events", defaultValue = "10000", description = "How many of the newest events the "
            + "near-head read fetches. Default: ${DEFAULT-VALUE}.")
    int headEvents;

    @Option(names = "--warmup", defaultValue = "50000", converter = CountConverter.class,
            description = "The first events (part of the store, at most half the first size) are appended and read "
                    + "three times before anything counts, so that the JIT has compiled both paths. "
                    + "Default: ${DEFAULT-VALUE}.")
    long warmupEvents;

    @Option(names = "--time-limit", defaultValue = "30", description = "Minutes after which the run stops and "
            + "reports what it measured. Default: ${DEFAULT-VALUE}.")
    long timeLimitMinutes;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws Exception {
        if (batchSize < 1 || windowSize < 1 || headEvents < 1 || readBatchSize < 1 || timeLimitMinutes < 1
                || sizes.isEmpty() || sizes.stream().anyMatch(size -> size < 1)) {
            throw new IllegalArgumentException("--events, --batch, --window, --head-events, --read-batch and "
                    + "--time-limit must be positive");
        }
        List<Long> targets = sizes.stream().distinct().sorted().toList();
        warmupEvents = Math.min(warmupEvents, targets.get(0) / 2);
        String loadBefore = Machine.loadAverage();
        Deadline deadline = Deadline.in(Duration.ofMinutes(timeLimitMinutes));
        try (Cleanup cleanup = new Cleanup()) {
            BenchStores stores = BenchStores.start(run, "event-store", cleanup);
            PGSimpleDataSource dataSource = stores.dataSource();
            EventSchema schema = stores.schema();
            JdbcTransactions transactions = new JdbcTransactions(dataSource);
            cleanup.add("close the event store connection", transactions::close);
            DataKeys keys = new DataKeys(new JdbcDataKeyRepository(dataSource, JdbcDataKeyRepository.AUTO_COMMIT),
                    LocalMasterKey.fromFile(stores.embedded().masterKeyFile()), Duration.ofMinutes(10));
            JdbcEventStorageEngine engine = engine(transactions, schema, keys);
            EventStoreDatabase database = new EventStoreDatabase(dataSource, schema);
            EventStoreReport.Settings settings = settings();
            Appender appender = new Appender(engine, new EventPlan(eventsPerProfile, PROFILES_PER_ROUND), batchSize,
                    windowSize, EventStoreBenchmark::progress);
            List<Checkpoint> checkpoints = new Measurement(appender, new Reader(engine), database, settings, deadline)
                    .run(targets);
            EventStoreReport report = new EventStoreReport(Machine.current(), database.settings(), settings,
                    targets, checkpoints, loadBefore, Machine.loadAverage());
            report.print(System.out);
            if (run.json != null) {
                JsonReport.write(run.json, report.toJson());
                progress("wrote " + run.json);
            }
            return checkpoints.size() == targets.size() ? 0 : 3;
        }
    }

    /** Exactly as AxonPlatform builds it (personal data sealed), with plain JDBC transactions instead of JTA. */
    private JdbcEventStorageEngine engine(JdbcTransactions transactions, EventSchema schema, DataKeys keys) {
        Serializer serializer = StableTypeSerializer.create(keys);
        return JdbcEventStorageEngine.builder()
                .connectionProvider(transactions)
                .transactionManager(transactions)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .schema(schema)
                .batchSize(readBatchSize)
                .build();
    }

    private EventStoreReport.Settings settings() {
        return new EventStoreReport.Settings(batchSize, windowSize, eventsPerProfile, PROFILES_PER_ROUND,
                readBatchSize, headEvents, FULL_READS, HEAD_READS, warmupEvents, WARMUP_READS);
    }

    static void progress(String message) {
        System.err.println("[event-store] " + message);
    }
}
