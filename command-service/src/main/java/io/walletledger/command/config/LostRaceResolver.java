package io.walletledger.command.config;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Tells Axon which append failures mean "another writer got this aggregate sequence first", so they
 * become a ConcurrencyException and the operation is retried: a unique violation (SQLState 23505, on
 * PostgreSQL and H2), or H2's lock timeout (HYT00) while it waits for the other writer's row.
 */
final class LostRaceResolver implements PersistenceExceptionResolver {

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if ("23505".equals(s.getSQLState()) || "HYT00".equals(s.getSQLState())) {
                        return true;
                    }
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
