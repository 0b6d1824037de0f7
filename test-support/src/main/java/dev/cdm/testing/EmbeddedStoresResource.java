package dev.cdm.testing;

import dev.cdm.stores.EmbeddedStores;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts the real embedded PostgreSQL and MongoDB-compatible server on free ports in a fresh directory, and points
 * the service under test at them through the same settings production uses.
 */
public class EmbeddedStoresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedStores stores;

    @Override
    public Map<String, String> start() {
        try {
            Path data = Files.createTempDirectory("cdm-test-stores");
            stores = EmbeddedStores.start(data, 0, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", stores.eventStoreJdbcUrl(),
                "quarkus.datasource.username", stores.eventStoreUser(),
                "quarkus.mongodb.connection-string", stores.mongoUri());
    }

    @Override
    public void stop() {
        if (stores != null) {
            stores.close();
        }
    }
}
