package dev.cdm.bench.replay;

import static dev.cdm.bench.report.Numbers.decimal;
import static dev.cdm.bench.report.Numbers.grouped;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.cdm.bench.BenchStores;
import dev.cdm.bench.Cleanup;
import dev.cdm.bench.CountConverter;
import dev.cdm.bench.Deadline;
import dev.cdm.bench.RunOptions;
import dev.cdm.bench.eventstore.JdbcTransactions;
import dev.cdm.bench.eventstore.Reader;
import dev.cdm.bench.eventstore.Reader.ReadResult;
import dev.cdm.bench.report.JsonReport;
import dev.cdm.bench.report.Machine;
import dev.cdm.bench.report.Numbers;
import dev.cdm.kernel.axon.DataKeyPrefetchingStorageEngine;
import dev.cdm.kernel.axon.EventUpcasters;
import dev.cdm.kernel.axon.StableTypeSerializer;
import dev.cdm.kernel.crypto.DataKeys;
import dev.cdm.kernel.crypto.DataSubjects;
import dev.cdm.kernel.crypto.LocalMasterKey;
import dev.cdm.stores.EmbeddedStores;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Replay speed of the real profile-view projection through a tracking processor, per segment count. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Stores profile streams (ProfileCreated, SourceRecordLinked, SourceRecordChanged) in a fresh "
                + "embedded PostgreSQL, serialized as the services store them, then replays profile-service's "
                + "profile-view projection into the MongoDB stand-in through an Axon TrackingEventProcessor with 1, "
                + "2, 4... segments, and reports events/s and where the time goes.")
public final class ReplayBenchmark implements Callable<Integer> {

    private static final int PROFILES_PER_ROUND = 250;

    @Option(names = "--events", split = ",", defaultValue = "1000000", converter = CountConverter.class,
            description = "Store sizes to replay at, ascending (e.g. 100k,1M). Default: ${DEFAULT-VALUE}.")
    List<Long> sizes;

    @Option(names = "--segments", split = ",", defaultValue = "1,2,4",
            description = "Segment counts (one thread each) to replay with. Default: ${DEFAULT-VALUE}.")
    List<Integer> segmentCounts;

    @Option(names = "--batch-size", defaultValue = "500", description = "The processor's batch size: "
            + "profile-service's cdm.axon.batch-size. Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--linked", defaultValue = "3", description = "Source records linked per profile (1-4). "
            + "Default: ${DEFAULT-VALUE}.")
    int linked;

    @Option(names = "--changed", defaultValue = "1", description = "SourceRecordChangedEvents per profile. "
            + "Default: ${DEFAULT-VALUE}.")
    int changed;

    @Option(names = "--append-batch", defaultValue = "100", description = "Events per append transaction. "
            + "Default: ${DEFAULT-VALUE}.")
    int appendBatch;

    @Option(names = "--sample", defaultValue = "200", description = "Profiles whose view is compared with its fold "
            + "after each replay. Default: ${DEFAULT-VALUE}.")
    int sample;

    @Option(names = "--time-limit", defaultValue = "60", description = "Minutes after which the run stops and "
            + "reports what it measured. Default: ${DEFAULT-VALUE}.")
    long timeLimitMinutes;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws Exception {
        if (batchSize < 1 || appendBatch < 1 || sample < 0 || timeLimitMinutes < 1 || sizes.isEmpty()
                || sizes.stream().anyMatch(size -> size < 1) || segmentCounts.isEmpty()
                || segmentCounts.stream().anyMatch(segments -> segments < 1)) {
            throw new IllegalArgumentException("--events, --segments, --batch-size, --append-batch and --time-limit "
                    + "must be positive");
        }
        ProfileStreams streams = new ProfileStreams(linked, changed, PROFILES_PER_ROUND);
        List<Long> targets = sizes.stream().distinct().sorted().toList();
        String loadBefore = Machine.loadAverage();
        Deadline deadline = Deadline.in(Duration.ofMinutes(timeLimitMinutes));
        try (Cleanup cleanup = new Cleanup()) {
            BenchStores started = BenchStores.start(run, "replay", cleanup);
            EmbeddedStores embedded = started.embedded();
            PGSimpleDataSource dataSource = started.dataSource();
            MongoClient mongo = MongoClients.create(embedded.mongoUri());
            cleanup.add("close the MongoDB client", mongo::close);
            ReplayStores stores = new ReplayStores(dataSource, LocalMasterKey.fromFile(embedded.masterKeyFile()),
                    mongo);
            List<ReplayReport.StoreResult> results = measure(stores, streams, targets, deadline, cleanup);
            ReplayReport report = new ReplayReport(Machine.current(), new ReplayReport.Settings(batchSize, linked,
                    changed, PROFILES_PER_ROUND, appendBatch, sample), results, loadBefore, Machine.loadAverage());
            report.print(System.out);
            if (run.json != null) {
                JsonReport.write(run.json, report.toJson());
                progress("wrote " + run.json);
            }
            boolean complete = results.size() == targets.size()
                    && results.stream().allMatch(r -> r.replays().size() == segmentCounts.size()
                    && r.replays().stream().allMatch(ReplayRun.Result::complete));
            return complete ? 0 : 3;
        }
    }

    private List<ReplayReport.StoreResult> measure(ReplayStores stores, ProfileStreams streams, List<Long> targets,
                                                   Deadline deadline, Cleanup cleanup) throws Exception {
        JdbcTransactions transactions = new JdbcTransactions(stores.eventStore());
        cleanup.add("close the event store connection", transactions::close);
        ThreadConnections appendKeys = stores.connections();
        cleanup.add("close the data-key connection", appendKeys::close);
        DataKeys keys = stores.dataKeys(appendKeys);
        JdbcEventStorageEngine appendEngine = engine(transactions, transactions, StableTypeSerializer.create(keys));
        ReplayRun replays = new ReplayRun(stores, batchSize);
        ReadModelCheck check = new ReadModelCheck(streams, sample);
        List<ReplayReport.StoreResult> results = new ArrayList<>();
        long appended = 0;
        for (long size : targets) {
            appended = append(appendEngine, keys, streams, appended, size, deadline);
            if (appended < size) {
                progress("time limit reached while appending; reporting what was measured");
                break;
            }
            List<ReadResult> reads = readPasses(stores, deadline);
            for (ReadResult read : reads) {
                if (read.events() != size && read.complete()) {
                    throw new IllegalStateException("Expected to read " + size + " events, read " + read.events());
                }
            }
            List<ReplayRun.Result> runs = new ArrayList<>();
            for (int segments : segmentCounts) {
                if (deadline.passed()) {
                    break;
                }
                String database = "cdm-profile-replay-" + size + "-" + segments;
                progress("replaying " + grouped(size) + " events with " + segments + " segment(s)");
                ReplayRun.Result result = replays.replay(database, segments, maxGlobalIndex(stores), size,
                        deadline);
                progress("replayed in " + decimal(result.nanos() / 1e9) + " s: " + decimal(result.rate())
                        + " events/s" + (result.complete() ? "" : " (cut by the time limit)"));
                if (result.complete()) {
                    check.verify(stores.mongo().getDatabase(database), size);
                    progress("read model checked: " + grouped(streams.profiles(size)) + " profiles, " + sample
                            + " views equal to their fold");
                }
                stores.mongo().getDatabase(database).drop();
                runs.add(result);
            }
            results.add(new ReplayReport.StoreResult(size, streams.profiles(size), reads.get(0), reads.get(1), runs));
        }
        return results;
    }

    /**
     * Appends events {@code from} to {@code to - 1}; returns how many the store holds then. The batch's data keys are
     * created together first, as identity resolution does for a batch of records (a commit per key otherwise).
     */
    private long append(JdbcEventStorageEngine engine, DataKeys keys, ProfileStreams streams, long from, long to,
                        Deadline deadline) {
        long start = System.nanoTime();
        long appended = from;
        long lastProgress = start;
        while (appended < to && !deadline.passed()) {
            int count = (int) Math.min(appendBatch, to - appended);
            List<DomainEventMessage<?>> batch = streams.batch(appended, count);
            keys.prepare(DataSubjects.ofRecords(ProfileStreams.recordsOf(batch)));
            engine.appendEvents(batch);
            appended += count;
            if (System.nanoTime() - lastProgress > 5_000_000_000L || appended == to) {
                lastProgress = System.nanoTime();
                progress("appended " + grouped(appended) + " / " + grouped(to) + " events ("
                        + decimal(Numbers.perSecond(appended - from, lastProgress - start)) + " events/s)");
            }
        }
        return appended;
    }

    /**
     * Two plain reads of the whole store on one thread with the same serializer: the first with a cold data-key
     * cache (as a replay starts), the second with every key cached, so that the difference is the key fetches.
     */
    private List<ReadResult> readPasses(ReplayStores stores, Deadline deadline) {
        try (ThreadConnections connections = stores.connections()) {
            Reader reader = new Reader(engine(connections, NoTransactionManager.INSTANCE,
                    stores.serializer(connections)));
            List<ReadResult> reads = new ArrayList<>();
            for (String pass : List.of("cold", "warm")) {
                progress("reading all events (readEvents, deserialized), data-key cache " + pass);
                ReadResult read = reader.readAll(deadline);
                progress("read " + grouped(read.events()) + " events in " + decimal(read.nanos() / 1e9) + " s: "
                        + decimal(read.rate()) + " events/s");
                reads.add(read);
            }
            return reads;
        }
    }

    /** The head of the event store: the largest global index (a tracking token's position). */
    private static long maxGlobalIndex(ReplayStores stores) throws SQLException {
        EventSchema schema = EventSchema.builder().build();
        try (Connection connection = stores.eventStore().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT coalesce(max(" + schema.globalIndexColumn() + "), 0) FROM "
                     + schema.domainEventTable())) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * As AxonPlatform builds it (personal data sealed, each fetched page's data keys fetched together, the
     * upcasters), on the given connections.
     */
    private static JdbcEventStorageEngine engine(ConnectionProvider connections, TransactionManager transactions,
                                                 Serializer serializer) {
        return new DataKeyPrefetchingStorageEngine(JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(transactions)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .upcasterChain(new EventUpcasterChain(EventUpcasters.all()))
                .schema(EventSchema.builder().build()));
    }

    static void progress(String message) {
        System.err.println("[replay] " + message);
    }
}
