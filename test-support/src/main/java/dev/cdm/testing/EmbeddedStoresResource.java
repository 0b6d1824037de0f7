package dev.cdm.testing;

import dev.cdm.stores.EmbeddedStores;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts the real embedded PostgreSQL and MongoDB-compatible server on free ports in a fresh directory, and points
 * the service under test at them (and at the local master key) through the same settings production uses.
 */
public class EmbeddedStoresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedStores stores;
    private Path data;

    @Override
    public Map<String, String> start() {
        try {
            data = Files.createTempDirectory("cdm-test-stores");
            stores = EmbeddedStores.start(data, 0, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", stores.eventStoreJdbcUrl(),
                "quarkus.datasource.username", stores.eventStoreUser(),
                "quarkus.mongodb.connection-string", stores.mongoUri(),
                "cdm.crypto.master-key-file", stores.masterKeyFile().toString());
    }

    @Override
    public void stop() {
        if (stores != null) {
            stores.close();
        }
        if (data != null) {
            deleteRecursively(data);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the test stores in " + directory, e);
        }
    }
}
