package io.walletledger.command.config;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Tells Axon which append failures mean "another writer got there first", so they become a
 * ConcurrencyException and the whole operation is retried: a unique violation on (aggregate,
 * sequence), H2's lock timeout while it waits for the other writer's row, or a deadlock between two
 * multi-aggregate operations.
 */
final class LostRaceResolver implements PersistenceExceptionResolver {

    /** Unique violation, H2 lock timeout, PostgreSQL deadlock and serialization failure. */
    static final java.util.Set<String> LOST_RACE_STATES = java.util.Set.of("23505", "HYT00", "40P01", "40001");

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (LOST_RACE_STATES.contains(s.getSQLState())) {
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
