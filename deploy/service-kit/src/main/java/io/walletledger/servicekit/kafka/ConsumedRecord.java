package io.walletledger.servicekit.kafka;

import java.time.Instant;

/**
 * Where a consumed event came from: its partition and offset, the broker's record timestamp (when the
 * event reached Kafka) and the record's bytes exactly as published.
 */
public record ConsumedRecord(int partition, long offset, Instant timestamp, byte[] value) {
}
