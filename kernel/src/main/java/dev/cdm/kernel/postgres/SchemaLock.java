package dev.cdm.kernel.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Runs DDL under a PostgreSQL advisory lock, so that services starting together do not race on creating the same
 * tables ({@code CREATE ... IF NOT EXISTS} alone is not safe against a concurrent create).
 */
public final class SchemaLock {

    private static final long DDL_LOCK = 0x43444d5f4553L; // "CDM_ES"

    private SchemaLock() {
    }

    /** A piece of DDL run on an auto-commit connection. */
    @FunctionalInterface
    public interface Ddl {
        void run(Connection connection) throws SQLException;
    }

    public static void run(DataSource dataSource, String what, Ddl ddl) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (Statement lock = connection.createStatement()) {
                lock.execute("SELECT pg_advisory_lock(" + DDL_LOCK + ")");
            }
            try {
                ddl.run(connection);
            } finally {
                try (Statement unlock = connection.createStatement()) {
                    unlock.execute("SELECT pg_advisory_unlock(" + DDL_LOCK + ")");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create " + what, e);
        }
    }
}
