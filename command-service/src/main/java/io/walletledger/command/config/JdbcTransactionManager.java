package io.walletledger.command.config;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;

/**
 * Axon core has no JDBC transaction manager. This one binds one connection (auto-commit off) to the
 * thread for the outermost transaction; every {@link #getConnection()} inside it hands out that
 * connection with {@code close()} disarmed, so the event store, the token store and the service's own
 * tables (idempotency records) commit together. A nested transaction is a savepoint: rolling it back
 * undoes only its own work, so a refused command inside an event processor's batch (a transfer's
 * credit leg) does not doom the batch.
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
            try {
                return new Nested(bound.connection, bound.connection.setSavepoint());
            } catch (SQLException e) {
                throw failure("cannot start a nested transaction", bound.connection, e);
            }
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

    /**
     * Runs {@code action} when this thread's outermost transaction ends, committed or rolled back (after
     * the commit or rollback). Locks that must cover a whole transaction are released this way.
     *
     * @throws IllegalStateException when no transaction is bound to this thread
     */
    public void whenOutermostEnds(Runnable action) {
        Bound bound = current.get();
        if (bound == null) {
            throw new IllegalStateException("no transaction is bound to this thread");
        }
        bound.whenEnded.add(action);
    }

    /**
     * A failure of {@code what}. On a connection the pool has already closed as broken (the database
     * went away: the pool's "Connection is closed" carries no SQLState), the cause says so with
     * SQLState 08003, so that callers (and the HTTP layer: 503, not 500) see a lost database rather
     * than a failed statement; the database drops the transaction of a lost connection by itself.
     */
    static IllegalStateException failure(String what, Connection connection, SQLException e) {
        boolean lost;
        try {
            lost = connection.isClosed();
        } catch (SQLException unknown) {
            lost = true;
        }
        return new IllegalStateException(what, lost
                ? new SQLNonTransientConnectionException("the database connection is lost: " + e.getMessage(), "08003", e)
                : e);
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

    private record Bound(Connection connection, List<Runnable> whenEnded) {
        Bound(Connection connection) {
            this(connection, new ArrayList<>());
        }
    }

    private record Nested(Connection connection, Savepoint savepoint) implements Transaction {
        @Override
        public void commit() {
            try {
                connection.releaseSavepoint(savepoint);
            } catch (SQLException e) {
                throw failure("cannot release savepoint", connection, e);
            }
        }

        @Override
        public void rollback() {
            try {
                connection.rollback(savepoint);
            } catch (SQLException e) {
                throw failure("cannot roll back to savepoint", connection, e);
            }
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
                bound.connection.commit();
            } catch (SQLException e) {
                throw failure("commit failed", bound.connection, e);
            } finally {
                release();
            }
        }

        @Override
        public void rollback() {
            try {
                bound.connection.rollback();
            } catch (SQLException e) {
                throw failure("rollback failed", bound.connection, e);
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
            } finally {
                bound.whenEnded.forEach(Runnable::run);
            }
        }
    }
}
