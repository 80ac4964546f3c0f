package io.walletledger.servicekit.kafka;

import io.walletledger.envelope.CloudEvent;

import java.sql.Connection;
import java.sql.SQLException;

/** Applies one event inside the consumer's database transaction (the offsets commit with it). */
@FunctionalInterface
public interface EventApplier {
    void apply(Connection transaction, CloudEvent event) throws SQLException;
}
