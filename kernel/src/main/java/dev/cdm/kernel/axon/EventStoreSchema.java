package dev.cdm.kernel.axon;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;

/**
 * Creates Axon's event and snapshot tables when they are missing. Every service calls this at start-up; a
 * PostgreSQL advisory lock keeps services that start together from racing on the DDL.
 */
public final class EventStoreSchema {

    private static final long DDL_LOCK = 0x43444d5f4553L; // "CDM_ES"

    private EventStoreSchema() {
    }

    public static void ensure(DataSource dataSource, EventSchema schema) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (Statement lock = connection.createStatement()) {
                lock.execute("SELECT pg_advisory_lock(" + DDL_LOCK + ")");
            }
            try {
                PostgresEventTableFactory tables = PostgresEventTableFactory.INSTANCE;
                execute(tables.createDomainEventTable(connection, schema));
                execute(tables.createSnapshotEventTable(connection, schema));
            } finally {
                try (Statement unlock = connection.createStatement()) {
                    unlock.execute("SELECT pg_advisory_unlock(" + DDL_LOCK + ")");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the event store schema", e);
        }
    }

    private static void execute(PreparedStatement statement) throws SQLException {
        try (statement) {
            statement.executeUpdate();
        }
    }
}
