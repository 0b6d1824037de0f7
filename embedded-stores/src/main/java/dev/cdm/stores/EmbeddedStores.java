package dev.cdm.stores;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import dev.cdm.stores.readside.ReadSideBackend;
import dev.cdm.stores.readside.ReadSideMigration;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The local default stores: a real PostgreSQL for the event store and a MongoDB-compatible server (H2 backend)
 * for the read side, both persisting under one data directory. Services reach them only through the URLs
 * given here, exactly as they reach a production PostgreSQL and MongoDB replica set.
 */
public final class EmbeddedStores implements AutoCloseable {

    public static final String DATABASE = "cdm";
    public static final String USER = "postgres";
    /** The read side's file; {@link ReadSideBackend} encodes it differently from the plain H2 backend. */
    static final String READ_SIDE_FILE = "read-side-v2.mv";
    /** The read side of versions before {@link ReadSideBackend}: migrated on start, then deleted. */
    static final String LEGACY_READ_SIDE_FILE = "read-side.mv";

    /** Reported to clients so that modern tools (mongosh, current drivers) connect. */
    private static final MongoVersion REPORTED_MONGO_VERSION = new MongoVersion() {
        @Override
        public List<Integer> getVersionArray() {
            return List.of(6, 0, 0);
        }

        @Override
        public int getWireVersion() {
            return 17;
        }
    };

    private final EmbeddedPostgres postgres;
    private final ReadSideBackend mongoBackend;
    private final MongoServer mongo;
    private final InetSocketAddress mongoAddress;
    private final Path masterKeyFile;

    private EmbeddedStores(EmbeddedPostgres postgres, ReadSideBackend mongoBackend, MongoServer mongo,
                           Path masterKeyFile) {
        this.postgres = postgres;
        this.mongoBackend = mongoBackend;
        this.mongo = mongo;
        this.mongoAddress = mongo.getLocalAddress();
        this.masterKeyFile = masterKeyFile;
    }

    /** Starts both stores under {@code dataDir}; a port of 0 picks a free one. */
    public static EmbeddedStores start(Path dataDir, int postgresPort, int mongoPort) {
        EmbeddedPostgres postgres = startPostgres(dataDir.resolve("postgres"), postgresPort);
        try {
            Path mongoDir = Files.createDirectories(dataDir.resolve("mongo"));
            ReadSideMigration.migrateIfPresent(mongoDir.resolve(LEGACY_READ_SIDE_FILE),
                    mongoDir.resolve(READ_SIDE_FILE));
            ReadSideBackend backend = ReadSideBackend.open(mongoDir.resolve(READ_SIDE_FILE));
            backend.version(REPORTED_MONGO_VERSION);
            // no oplog: nothing here uses change streams, and it would keep a copy of every write, personal data
            // included, outside every collection that erasure purges (and cost more than the writes themselves)
            MongoServer mongo = new MongoServer(backend);
            mongo.bind("127.0.0.1", mongoPort);
            return new EmbeddedStores(postgres, backend, mongo, LocalMasterKeyFile.ensure(dataDir));
        } catch (IOException | RuntimeException e) {
            closeQuietly(postgres);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private static EmbeddedPostgres startPostgres(Path directory, int port) {
        try {
            Files.createDirectories(directory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    // the library's test-oriented defaults turn these off; the event store must survive a crash
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
            if (port > 0) {
                requireFree(port);
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            createDatabaseIfMissing(postgres);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory + ": " + e.getMessage(), e);
        }
    }

    // the embedded PostgreSQL would otherwise report ready while talking to whatever already holds the port
    private static void requireFree(int port) throws IOException {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
        } catch (BindException e) {
            throw new IOException("PostgreSQL port " + port + " is already in use", e);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IOException("Could not create database " + DATABASE, e);
        }
    }

    public String eventStoreJdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    public String eventStoreUser() {
        return USER;
    }

    public int postgresPort() {
        return postgres.getPort();
    }

    public int mongoPort() {
        return mongoAddress.getPort();
    }

    /** The local master key that wraps the services' data keys (see {@link LocalMasterKeyFile}). */
    public Path masterKeyFile() {
        return masterKeyFile;
    }

    public String mongoUri() {
        return "mongodb://127.0.0.1:" + mongoPort();
    }

    @Override
    public void close() {
        mongo.shutdownNow();
        mongoBackend.close();
        closeQuietly(postgres);
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the process is going away; nothing else to release
        }
    }
}
