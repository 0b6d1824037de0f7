package dev.cdm.kernel.crypto;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's data keys: in the event store's database, wrapped by the master key that the environment gives
 * (a mounted file, {@code CDM_MASTER_KEY_FILE}, or the key itself, {@code CDM_MASTER_KEY}). There is no default key:
 * a service without one refuses to start rather than store personal data it could not protect.
 */
public class DataKeysProducer {

    @Produces
    @Singleton
    DataKeys dataKeys(DataSource eventStore,
                      @ConfigProperty(name = "cdm.crypto.master-key") Optional<String> masterKey,
                      @ConfigProperty(name = "cdm.crypto.master-key-file") Optional<String> masterKeyFile,
                      @ConfigProperty(name = "cdm.crypto.key-cache-expiry", defaultValue = "10m")
                      Duration cacheExpiry) {
        JdbcDataKeyRepository.ensureSchema(eventStore);
        JdbcDataKeyRepository repository = new JdbcDataKeyRepository(eventStore,
                QuarkusTransaction.requiringNew()::call);
        return new DataKeys(repository, masterKey(masterKey, masterKeyFile), cacheExpiry);
    }

    @Produces
    @Singleton
    SuppressionKeys suppressionKeys(DataKeys keys) {
        return new SuppressionKeys(keys);
    }

    private static MasterKey masterKey(Optional<String> key, Optional<String> file) {
        if (file.isPresent()) {
            return LocalMasterKey.fromFile(Path.of(file.get()));
        }
        return key.map(LocalMasterKey::fromBase64).orElseThrow(() -> new IllegalStateException(
                "No master key: set CDM_MASTER_KEY_FILE to a file holding base64 of 32 random bytes"
                        + " (or CDM_MASTER_KEY to the base64 itself)"));
    }
}
