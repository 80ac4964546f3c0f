package io.walletledger.servicekit.kafka;

import io.walletledger.envelope.CloudEvent;
import io.walletledger.envelope.EventEnvelopeCodec;
import io.walletledger.envelope.UnreadableEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * Decodes a poll's records and applies them inside a transaction the caller owns, returning the
 * next offset per partition for the caller to save in that same transaction. Unreadable records
 * are handed to {@code onUnreadable} (the live consumers dead-letter them) and skipped.
 */
public final class BatchWriter {

    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);

    private final String name;
    private final EventApplier applier;
    private final EventEnvelopeCodec codec = new EventEnvelopeCodec();
    private final BiConsumer<ConsumerRecord<String, byte[]>, String> onUnreadable;
    private final LongSupplier haltCountdown;

    /**
     * @param haltCountdown called after each applied event; when it returns 0 the JVM halts there, before
     *                      the commit (fault injection for crash tests; return a negative number to never halt)
     */
    public BatchWriter(String name, EventApplier applier, BiConsumer<ConsumerRecord<String, byte[]>, String> onUnreadable,
                       LongSupplier haltCountdown) {
        this.name = name;
        this.applier = applier;
        this.onUnreadable = onUnreadable;
        this.haltCountdown = haltCountdown;
    }

    public Map<TopicPartition, Long> write(Connection tx, ConsumerRecords<String, byte[]> records) throws SQLException {
        Map<TopicPartition, Long> next = new HashMap<>();
        List<Decoded> decoded = new ArrayList<>(records.count());
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> batch = records.records(partition);
            for (ConsumerRecord<String, byte[]> record : batch) {
                CloudEvent event = decode(record);
                if (event != null) {
                    decoded.add(new Decoded(record, event));
                }
            }
            next.put(partition, batch.get(batch.size() - 1).offset() + 1);
        }
        applier.beforeBatch(tx);
        applier.prepare(tx, decoded.stream().map(Decoded::event).toList());
        for (Decoded one : decoded) {
            ConsumerRecord<String, byte[]> record = one.record();
            applier.apply(tx, one.event(), new ConsumedRecord(record.partition(), record.offset(),
                    Instant.ofEpochMilli(record.timestamp()), record.value()));
            if (haltCountdown.getAsLong() == 0) {
                LOG.error("{}: fault injection: halting mid-batch at {}-{}@{}, before the commit", name, record.topic(),
                        record.partition(), record.offset());
                Runtime.getRuntime().halt(137);
            }
        }
        applier.afterBatch(tx);
        return next;
    }

    private record Decoded(ConsumerRecord<String, byte[]> record, CloudEvent event) {
    }

    /** The record's event, or null when it is unreadable (then handed to {@code onUnreadable}). */
    private CloudEvent decode(ConsumerRecord<String, byte[]> record) {
        try {
            return codec.decode(record.value() == null ? new byte[0] : record.value());
        } catch (UnreadableEvent e) {
            LOG.warn("{}: skipping unreadable record {}-{}@{}: {}", name, record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            onUnreadable.accept(record, "unreadable: " + e.getMessage());
            return null;
        }
    }
}
