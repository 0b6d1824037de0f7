package dev.cdm.kernel.crypto;

import dev.cdm.kernel.postgres.SchemaLock;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.sql.DataSource;

/**
 * Data keys in the event store's PostgreSQL database, table {@code cdm_data_keys}. A destroyed key keeps its row
 * (id, subject, when) as evidence for the erasure certificate, but not its key material; a vacuum then removes the
 * old row version from the table's pages.
 */
public final class JdbcDataKeyRepository implements DataKeyRepository {

    /** Runs work in a transaction of its own, so that a key is committed before anything is sealed with it. */
    public interface OwnTransaction {
        <T> T call(Callable<T> work) throws Exception;
    }

    /** For a data source whose connections commit each statement (no JTA around them). */
    public static final OwnTransaction AUTO_COMMIT = Callable::call;

    private final DataSource dataSource;
    private final OwnTransaction ownTransaction;

    public JdbcDataKeyRepository(DataSource dataSource, OwnTransaction ownTransaction) {
        this.dataSource = dataSource;
        this.ownTransaction = ownTransaction;
    }

    public static void ensureSchema(DataSource dataSource) {
        SchemaLock.run(dataSource, "the data key table", connection -> {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TABLE IF NOT EXISTS cdm_data_keys ("
                        + " key_id VARCHAR(36) PRIMARY KEY,"
                        + " subject VARCHAR(1024) NOT NULL,"
                        + " master_key_id VARCHAR(64) NOT NULL,"
                        + " wrapped_key BYTEA,"
                        + " created_at TIMESTAMPTZ NOT NULL DEFAULT now(),"
                        + " destroyed_at TIMESTAMPTZ)");
                ddl.execute("CREATE UNIQUE INDEX IF NOT EXISTS cdm_data_keys_live_subject"
                        + " ON cdm_data_keys (subject) WHERE destroyed_at IS NULL");
            }
        });
    }

    @Override
    public Map<String, StoredKey> liveKeysOf(Map<String, StoredKey> candidates) {
        if (candidates.isEmpty()) {
            return Map.of();
        }
        return inOwnTransaction(() -> {
            try (Connection connection = dataSource.getConnection()) {
                Map<String, StoredKey> live = select(connection, candidates.keySet());
                List<StoredKey> missing = candidates.entrySet().stream()
                        .filter(candidate -> !live.containsKey(candidate.getKey()))
                        .map(Map.Entry::getValue)
                        .toList();
                if (!missing.isEmpty()) {
                    insert(connection, missing);
                    live.putAll(select(connection, missing.stream().map(StoredKey::subject).toList()));
                }
                return live;
            }
        });
    }

    /** Inserts the keys in one statement; one that lost a race to another process's insert is skipped. */
    private static void insert(Connection connection, List<StoredKey> keys) throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO cdm_data_keys (key_id, subject, master_key_id, wrapped_key)"
                + " VALUES ");
        for (int i = 0; i < keys.size(); i++) {
            sql.append(i == 0 ? "(?, ?, ?, ?)" : ", (?, ?, ?, ?)");
        }
        sql.append(" ON CONFLICT (subject) WHERE destroyed_at IS NULL DO NOTHING");
        try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
            int parameter = 1;
            for (StoredKey key : keys) {
                insert.setString(parameter++, key.keyId());
                insert.setString(parameter++, key.subject());
                insert.setString(parameter++, key.masterKeyId());
                insert.setBytes(parameter++, key.wrappedKey());
            }
            insert.executeUpdate();
        }
    }

    private static Map<String, StoredKey> select(Connection connection, Collection<String> subjects)
            throws SQLException {
        Map<String, StoredKey> live = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT key_id, subject, master_key_id,"
                + " wrapped_key FROM cdm_data_keys WHERE subject = ANY (?) AND destroyed_at IS NULL")) {
            select.setArray(1, connection.createArrayOf("varchar", subjects.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    StoredKey key = new StoredKey(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getBytes(4));
                    live.put(key.subject(), key);
                }
            }
        }
        return live;
    }

    @Override
    public Optional<StoredKey> find(String keyId) {
        return inOwnTransaction(() -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement select = connection.prepareStatement("SELECT key_id, subject, master_key_id,"
                         + " wrapped_key FROM cdm_data_keys WHERE key_id = ? AND destroyed_at IS NULL")) {
                select.setString(1, keyId);
                return single(select);
            }
        });
    }

    @Override
    public Map<String, StoredKey> findAll(Collection<String> keyIds) {
        if (keyIds.isEmpty()) {
            return Map.of();
        }
        return inOwnTransaction(() -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement select = connection.prepareStatement("SELECT key_id, subject, master_key_id,"
                         + " wrapped_key FROM cdm_data_keys WHERE key_id = ANY (?) AND destroyed_at IS NULL")) {
                select.setArray(1, connection.createArrayOf("varchar", keyIds.toArray()));
                Map<String, StoredKey> found = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.put(rows.getString(1), new StoredKey(rows.getString(1), rows.getString(2),
                                rows.getString(3), rows.getBytes(4)));
                    }
                }
                return found;
            }
        });
    }

    @Override
    public List<String> destroy(Collection<String> subjects) {
        List<String> destroyed = inOwnTransaction(() -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement update = connection.prepareStatement("UPDATE cdm_data_keys"
                         + " SET wrapped_key = NULL, destroyed_at = now()"
                         + " WHERE subject = ANY (?) AND destroyed_at IS NULL RETURNING key_id")) {
                Array array = connection.createArrayOf("varchar", subjects.toArray());
                update.setArray(1, array);
                List<String> ids = new ArrayList<>();
                try (ResultSet rows = update.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
                return ids;
            }
        });
        if (!destroyed.isEmpty()) {
            vacuum();
        }
        return destroyed;
    }

    /** Removes the dead row versions that still hold the destroyed keys' material. */
    private void vacuum() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (Statement vacuum = connection.createStatement()) {
                vacuum.execute("VACUUM cdm_data_keys");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not vacuum the data key table after destroying keys", e);
        }
    }

    private static Optional<StoredKey> single(PreparedStatement select) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            return Optional.of(new StoredKey(rows.getString(1), rows.getString(2), rows.getString(3),
                    rows.getBytes(4)));
        }
    }

    private <T> T inOwnTransaction(Callable<T> work) {
        try {
            return ownTransaction.call(work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Data key store failed", e);
        }
    }
}
