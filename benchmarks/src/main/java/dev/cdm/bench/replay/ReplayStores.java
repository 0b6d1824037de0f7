package dev.cdm.bench.replay;

import com.mongodb.client.MongoClient;
import dev.cdm.kernel.axon.StableTypeSerializer;
import dev.cdm.kernel.crypto.DataKeys;
import dev.cdm.kernel.crypto.JdbcDataKeyRepository;
import dev.cdm.kernel.crypto.MasterKey;
import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.serialization.Serializer;

/** The running stores of one benchmark run: the event store's PostgreSQL (with the data keys) and MongoDB. */
record ReplayStores(DataSource eventStore, MasterKey masterKey, MongoClient mongo) {

    private static final Duration KEY_CACHE = Duration.ofMinutes(10);

    /** Connections for one reader (a replay, a read pass), one per thread. */
    ThreadConnections connections() {
        return new ThreadConnections(eventStore);
    }

    /**
     * The services' serializer (personal data sealed and opened with each subject's key) with a cache of data keys
     * of its own: a replay starts cold, like a service that was just restarted.
     */
    Serializer serializer(DataSource keys) {
        return StableTypeSerializer.create(dataKeys(keys));
    }

    /** {@link #serializer(DataSource)}, its key queries timed into {@code times}. */
    Serializer serializer(DataSource keys, ReadModelTimes times) {
        return StableTypeSerializer.create(new DataKeys(new TimedKeyRepository(
                new JdbcDataKeyRepository(keys, JdbcDataKeyRepository.AUTO_COMMIT), times), masterKey, KEY_CACHE));
    }

    /** Data keys in the event store's database, cached as the services cache them. */
    DataKeys dataKeys(DataSource keys) {
        return new DataKeys(new JdbcDataKeyRepository(keys, JdbcDataKeyRepository.AUTO_COMMIT), masterKey,
                KEY_CACHE);
    }
}
