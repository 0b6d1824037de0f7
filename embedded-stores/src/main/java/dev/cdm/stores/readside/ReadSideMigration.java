package dev.cdm.stores.readside;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries a read side written by the plain H2 backend (earlier versions) over into a {@link ReadSideBackend} file:
 * every database, collection, unique index and document, through the wire protocol, into a new file that replaces
 * the old one only when complete. Nothing is lost (the reject store, for one, is not rebuilt by replay); the old
 * file, and with it the oplog those versions kept, is deleted afterwards.
 */
public final class ReadSideMigration {

    private static final Logger LOG = LoggerFactory.getLogger(ReadSideMigration.class);
    private static final Set<String> SYSTEM_DATABASES = Set.of("admin", "local", "config");
    private static final int CHUNK = 1_000;

    private ReadSideMigration() {
    }

    /** Migrates {@code legacy} into {@code target} when there is a legacy file; returns the documents copied. */
    public static long migrateIfPresent(Path legacy, Path target) {
        if (!Files.exists(legacy)) {
            return 0;
        }
        try {
            if (Files.exists(target)) {
                // a migration that completed but stopped before removing its source
                Files.delete(legacy);
                return 0;
            }
            Path partial = target.resolveSibling(target.getFileName() + ".partial");
            Files.deleteIfExists(partial);
            long copied = copy(legacy, partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            Files.delete(legacy);
            LOG.info("Migrated the read side to {}: {} documents", target.getFileName(), copied);
            return copied;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not migrate the read side in " + legacy.getParent(), e);
        }
    }

    private static long copy(Path legacy, Path partial) {
        H2Backend oldBackend = new H2Backend(legacy.toString());
        MongoServer oldServer = new MongoServer(oldBackend);
        ReadSideBackend newBackend = ReadSideBackend.open(partial);
        MongoServer newServer = new MongoServer(newBackend);
        try (MongoClient from = MongoClients.create(uri(oldServer.bind()));
             MongoClient to = MongoClients.create(uri(newServer.bind()))) {
            long copied = 0;
            for (String name : from.listDatabaseNames()) {
                if (!SYSTEM_DATABASES.contains(name)) {
                    copied += copyDatabase(from.getDatabase(name), to.getDatabase(name));
                }
            }
            return copied;
        } finally {
            oldServer.shutdownNow();
            oldBackend.close();
            newServer.shutdownNow();
            newBackend.close();
        }
    }

    private static long copyDatabase(MongoDatabase from, MongoDatabase to) {
        long copied = 0;
        for (String name : from.listCollectionNames()) {
            MongoCollection<Document> source = from.getCollection(name);
            MongoCollection<Document> target = to.getCollection(name);
            to.createCollection(name);
            for (Document index : source.listIndexes()) {
                if (!"_id_".equals(index.getString("name"))) {
                    target.createIndex(index.get("key", Document.class), new IndexOptions()
                            .name(index.getString("name"))
                            .unique(index.getBoolean("unique", false))
                            .sparse(index.getBoolean("sparse", false)));
                }
            }
            List<Document> chunk = new ArrayList<>(CHUNK);
            for (Document document : source.find()) {
                chunk.add(document);
                if (chunk.size() == CHUNK) {
                    target.insertMany(chunk);
                    copied += chunk.size();
                    chunk.clear();
                }
            }
            if (!chunk.isEmpty()) {
                target.insertMany(chunk);
                copied += chunk.size();
            }
        }
        return copied;
    }

    private static String uri(InetSocketAddress address) {
        return "mongodb://127.0.0.1:" + address.getPort();
    }
}
