package io.walletledger.projection;

import io.walletledger.envelope.CloudEvent;
import io.walletledger.servicekit.kafka.EventApplier;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A projector that works on a consumer's batch as a whole (reads what the batch needs at once, writes
 * JDBC batches at its end): each consumer gets a fresh batch applier, and an event applied on its own
 * is a batch of one.
 */
public interface BatchedProjector extends Projector {

    /** A new applier with an empty batch; its state lives from one {@code beforeBatch} to the next. */
    EventApplier newBatch();

    @Override
    default EventApplier applier() {
        return newBatch();
    }

    @Override
    default void apply(Connection tx, CloudEvent event) throws SQLException {
        EventApplier batch = newBatch();
        batch.beforeBatch(tx);
        batch.prepare(tx, List.of(event));
        batch.apply(tx, event);
        batch.afterBatch(tx);
    }
}
