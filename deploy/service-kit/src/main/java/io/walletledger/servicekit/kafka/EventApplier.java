package io.walletledger.servicekit.kafka;

import io.walletledger.envelope.CloudEvent;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Applies one event inside the consumer's database transaction (the offsets commit with it). */
@FunctionalInterface
public interface EventApplier {

    void apply(Connection transaction, CloudEvent event) throws SQLException;

    /** The same, for an applier that needs the record itself (its bytes or broker timestamp). */
    default void apply(Connection transaction, CloudEvent event, ConsumedRecord record) throws SQLException {
        apply(transaction, event);
    }

    /** Called in the transaction before a batch's first event. */
    default void beforeBatch(Connection transaction) throws SQLException {
    }

    /**
     * Called in the transaction after {@link #beforeBatch} with every readable event of the batch, in the
     * order they will be applied: an applier may read (and lock) what the batch needs in a few queries
     * instead of one per event, and rely on it (every caller, {@link BatchWriter} first, prepares a batch
     * before applying it).
     */
    default void prepare(Connection transaction, List<CloudEvent> events) throws SQLException {
    }

    /** Called in the transaction after a batch's last event, before the offsets are saved. */
    default void afterBatch(Connection transaction) throws SQLException {
    }

    /** Applies each event to every applier in turn, all in the same transaction. */
    static EventApplier all(List<? extends EventApplier> appliers) {
        return new EventApplier() {
            @Override
            public void apply(Connection transaction, CloudEvent event) throws SQLException {
                for (EventApplier applier : appliers) {
                    applier.apply(transaction, event);
                }
            }

            @Override
            public void apply(Connection transaction, CloudEvent event, ConsumedRecord record) throws SQLException {
                for (EventApplier applier : appliers) {
                    applier.apply(transaction, event, record);
                }
            }

            @Override
            public void beforeBatch(Connection transaction) throws SQLException {
                for (EventApplier applier : appliers) {
                    applier.beforeBatch(transaction);
                }
            }

            @Override
            public void prepare(Connection transaction, List<CloudEvent> events) throws SQLException {
                for (EventApplier applier : appliers) {
                    applier.prepare(transaction, events);
                }
            }

            @Override
            public void afterBatch(Connection transaction) throws SQLException {
                for (EventApplier applier : appliers) {
                    applier.afterBatch(transaction);
                }
            }
        };
    }
}
