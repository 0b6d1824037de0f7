package dev.cdm.bench.eventstore;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * Plain JDBC transactions for the event store outside Quarkus (where the services use JTA): one connection per
 * benchmark, kept open like a pooled one, in auto-commit mode except inside a transaction, which ends with an
 * explicit commit. The engine's {@code appendEvents} runs in such a transaction, so every appended batch is
 * committed before the call returns. For one thread, as the benchmark uses it.
 */
public final class JdbcTransactions implements TransactionManager, ConnectionProvider, AutoCloseable {

    private static final Transaction JOINED = new Transaction() {
        @Override
        public void commit() {
        }

        @Override
        public void rollback() {
        }
    };

    private final Connection connection;
    private final Connection unclosable;

    public JdbcTransactions(DataSource dataSource) throws SQLException {
        this.connection = dataSource.getConnection();
        this.connection.setAutoCommit(true);
        this.unclosable = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null; // the engine closes what it gets; the connection stays open for the next call
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection() {
        return unclosable;
    }

    @Override
    public Transaction startTransaction() {
        try {
            if (!connection.getAutoCommit()) {
                return JOINED;
            }
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not start a transaction", e);
        }
        return new Transaction() {
            @Override
            public void commit() {
                end(true);
            }

            @Override
            public void rollback() {
                end(false);
            }
        };
    }

    private void end(boolean commit) {
        try {
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException((commit ? "Commit" : "Rollback") + " failed", e);
        } finally {
            try {
                connection.setAutoCommit(true); // ends a failed transaction too
            } catch (SQLException ignored) {
                // the next statement reports a broken connection
            }
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not close the event store connection", e);
        }
    }
}
