package dev.cdm.bench.eventstore;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

/** Facts about the event table, each read on a connection of its own (so only committed rows count). */
final class EventStoreDatabase {

    private static final List<String> SETTINGS = List.of("server_version", "shared_buffers", "synchronous_commit",
            "fsync", "wal_level", "max_wal_size");

    private final DataSource dataSource;
    private final String table;
    private final String globalIndex;

    EventStoreDatabase(DataSource dataSource, EventSchema schema) {
        this.dataSource = dataSource;
        this.table = schema.domainEventTable();
        this.globalIndex = schema.globalIndexColumn();
    }

    long count() {
        return queryLong("SELECT count(*) FROM " + table);
    }

    long maxGlobalIndex() {
        return queryLong("SELECT coalesce(max(" + globalIndex + "), 0) FROM " + table);
    }

    TableSize size() {
        return new TableSize(
                queryLong("SELECT pg_total_relation_size('" + table + "')"),
                queryLong("SELECT pg_relation_size('" + table + "')"),
                queryLong("SELECT pg_indexes_size('" + table + "')"),
                queryLong("SELECT coalesce(pg_total_relation_size(reltoastrelid), 0) FROM pg_class"
                        + " WHERE oid = '" + table + "'::regclass"));
    }

    /** The PostgreSQL settings that decide what an append costs. */
    Map<String, String> settings() {
        Map<String, String> values = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String name : SETTINGS) {
                try (ResultSet rs = statement.executeQuery("SHOW " + name)) {
                    rs.next();
                    values.put(name, rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read PostgreSQL settings", e);
        }
        return values;
    }

    private long queryLong(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + sql, e);
        }
    }

    /** Bytes on disk: heap + indexes + TOAST = total. */
    record TableSize(long total, long heap, long indexes, long toast) {
    }
}
