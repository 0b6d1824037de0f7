package dev.cdm.bench;

import dev.cdm.kernel.axon.EventStoreSchema;
import dev.cdm.kernel.crypto.JdbcDataKeyRepository;
import dev.cdm.stores.EmbeddedStores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The embedded stores a store-level benchmark runs on: started in a temporary directory under the run's work dir,
 * with the event-store and data-key schemas the services create, stopped and deleted by {@code cleanup}.
 */
public record BenchStores(EmbeddedStores embedded, PGSimpleDataSource dataSource, EventSchema schema) {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    public static BenchStores start(RunOptions run, String name, Cleanup cleanup) {
        Path dataDir = TempDirectory.create(run.workDir, name);
        cleanup.add("delete " + dataDir, () -> TempDirectory.deleteUnless(run.keepData, dataDir));
        System.err.println("[" + name + "] starting the embedded stores in " + dataDir);
        EmbeddedStores embedded = EmbeddedStores.start(dataDir, 0, 0);
        Optional<Long> postmaster = Postmaster.pid(dataDir.resolve("postgres"));
        cleanup.add("stop the embedded stores", () -> {
            embedded.close();
            // on Ctrl-C the stores' own shutdown hook may be the one stopping PostgreSQL: let it finish
            postmaster.ifPresent(pid -> Postmaster.awaitExit(pid, STOP_TIMEOUT));
        });
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(embedded.eventStoreJdbcUrl());
        dataSource.setUser(embedded.eventStoreUser());
        EventSchema schema = EventSchema.builder().build();
        EventStoreSchema.ensure(dataSource, schema);
        JdbcDataKeyRepository.ensureSchema(dataSource);
        return new BenchStores(embedded, dataSource, schema);
    }
}
