package io.walletledger.servicekit.database;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/** Tells a database that does not answer from a statement that failed. */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /**
     * Whether a failure comes from the database not answering, rather than from what the request asked:
     * a connection that could not be had or was lost (SQLState class 08, JDBC's transient-connection
     * and recoverable exceptions), or PostgreSQL shutting down, crashed or still starting (57P01–57P03).
     */
    public static boolean unavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException
                    || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a failure is a conflict with a concurrent transaction that the database resolved by
     * failing this one: a deadlock (40P01), a serialization failure (40001), a lock wait that timed out
     * (PostgreSQL's 55P03, H2's HYT00). Trying again later succeeds; it says nothing about the work.
     */
    public static boolean conflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && java.util.Set.of("40001", "40P01", "55P03", "HYT00").contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
