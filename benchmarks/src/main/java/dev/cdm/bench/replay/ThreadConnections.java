package dev.cdm.bench.replay;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;

/**
 * One auto-commit connection per thread, kept open like a pooled one (closing what it hands out does nothing): what
 * the services' Agroal pool gives the event store and the data-key lookups, without a pool library. For reads only:
 * there are no transactions.
 */
final class ThreadConnections implements ConnectionProvider, DataSource, AutoCloseable {

    private final DataSource dataSource;
    private final List<Connection> opened = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    ThreadConnections(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = current.get();
        if (connection == null || connection.isClosed()) {
            Connection real = dataSource.getConnection();
            real.setAutoCommit(true);
            opened.add(real);
            connection = unclosable(real);
            current.set(connection);
        }
        return connection;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    private static Connection unclosable(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public void close() {
        for (Connection connection : opened) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the server stops next
            }
        }
        opened.clear();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("Not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
