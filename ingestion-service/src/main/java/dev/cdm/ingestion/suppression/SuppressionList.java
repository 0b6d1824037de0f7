package dev.cdm.ingestion.suppression;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import dev.cdm.kernel.crypto.SuppressionKeys;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.projection.ReadModelStore;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The suppression keys of erased subjects who asked not to be taken in again, in MongoDB
 * ({@code suppressed_identifiers}, kept by {@link SuppressionProjection}) and in memory, so that checking a record
 * costs no read. Each instance reloads the collection every {@code cdm.suppression.refresh}, and the instance that
 * runs the projection adds new keys at once. While the list is empty, no record's keys are even computed.
 */
@ApplicationScoped
public class SuppressionList {

    static final String COLLECTION = "suppressed_identifiers";
    static final List<String> COLLECTIONS = List.of(COLLECTION);
    private static final Logger LOG = Logger.getLogger(SuppressionList.class);

    private final Set<String> keys = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService refresher;

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "cdm.mongodb.database")
    String database;

    @ConfigProperty(name = "cdm.suppression.refresh", defaultValue = "PT5S")
    Duration refresh;

    @Inject
    SuppressionKeys suppressionKeys;

    private ReadModelStore store;

    @PostConstruct
    void openStore() {
        store = ReadModelStore.live(mongo.getDatabase(database));
    }

    /**
     * A list writing the collection a rebuild fills, for the projection's rebuild; the live list takes the rebuilt
     * keys at its next reload after the switch (until then it keeps checking records against the keys it has).
     */
    SuppressionList rebuilding() {
        SuppressionList rebuild = new SuppressionList();
        rebuild.suppressionKeys = suppressionKeys;
        rebuild.store = store.rebuild();
        return rebuild;
    }

    void start(@Observes StartupEvent event) {
        reload();
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "suppression-list-refresh");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(this::reloadQuietly, refresh.toMillis(), refresh.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }

    /** Whether the record carries an identifier of a suppressed subject. */
    public boolean suppresses(PersonData person) {
        return !keys.isEmpty() && suppressionKeys.of(person).stream().anyMatch(keys::contains);
    }

    void add(String requestId, Collection<String> suppressed) {
        for (String key : suppressed) {
            collection().replaceOne(new Document("_id", key), new Document("_id", key).append("requestId", requestId),
                    new ReplaceOptions().upsert(true));
        }
        keys.addAll(suppressed);
    }

    void dropAll() {
        collection().drop();
        keys.clear();
    }

    private void reload() {
        Set<String> stored = ConcurrentHashMap.newKeySet();
        collection().find().forEach(doc -> stored.add(doc.getString("_id")));
        keys.addAll(stored);
        keys.retainAll(stored);
    }

    private void reloadQuietly() {
        try {
            reload();
        } catch (RuntimeException e) {
            LOG.warnf("The suppression list could not be reloaded (%s); the last one read stays in use",
                    e.getClass().getSimpleName());
        }
    }

    private MongoCollection<Document> collection() {
        return store.collection(COLLECTION);
    }
}
