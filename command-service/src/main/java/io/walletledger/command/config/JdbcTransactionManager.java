package io.walletledger.command.config;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Axon core has no JDBC transaction manager. This one binds one connection (auto-commit off) to the
 * thread for the outermost transaction; nested transactions join it, and every
 * {@link #getConnection()} inside it hands out that connection with {@code close()} disarmed. The
 * event store, the token store and the application's own tables (idempotency records, offsets) so
 * commit together.
 */
public final class JdbcTransactionManager implements TransactionManager, ConnectionProvider {

    private final DataSource dataSource;
    private final ThreadLocal<Bound> current = new ThreadLocal<>();

    public JdbcTransactionManager(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Transaction startTransaction() {
        Bound bound = current.get();
        if (bound != null) {
            return new Joined(bound);
        }
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            Bound fresh = new Bound(connection);
            current.set(fresh);
            return new Outermost(fresh);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start a database transaction", e);
        }
    }

    /** The transaction's connection when one is bound to this thread, else a fresh auto-commit one. */
    @Override
    public Connection getConnection() throws SQLException {
        Bound bound = current.get();
        if (bound == null) {
            return dataSource.getConnection();
        }
        return unclosable(bound.connection);
    }

    public boolean inTransaction() {
        return current.get() != null;
    }

    private static Connection unclosable(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
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

    private static final class Bound {
        final Connection connection;
        boolean rollbackOnly;

        Bound(Connection connection) {
            this.connection = connection;
        }
    }

    private record Joined(Bound bound) implements Transaction {
        @Override
        public void commit() {
            // the outermost transaction commits
        }

        @Override
        public void rollback() {
            bound.rollbackOnly = true;
        }
    }

    private final class Outermost implements Transaction {
        private final Bound bound;

        Outermost(Bound bound) {
            this.bound = bound;
        }

        @Override
        public void commit() {
            try {
                if (bound.rollbackOnly) {
                    bound.connection.rollback();
                    throw new IllegalStateException("transaction was marked rollback-only by a nested transaction");
                }
                bound.connection.commit();
            } catch (SQLException e) {
                throw new IllegalStateException("commit failed", e);
            } finally {
                release();
            }
        }

        @Override
        public void rollback() {
            try {
                bound.connection.rollback();
            } catch (SQLException e) {
                throw new IllegalStateException("rollback failed", e);
            } finally {
                release();
            }
        }

        private void release() {
            current.remove();
            try {
                bound.connection.setAutoCommit(true);
                bound.connection.close();
            } catch (SQLException ignored) {
                // the pool discards a broken connection
            }
        }
    }
}
