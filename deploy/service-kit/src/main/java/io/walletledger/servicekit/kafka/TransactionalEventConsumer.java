package io.walletledger.servicekit.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.walletledger.envelope.CloudEvent;
import io.walletledger.envelope.EventEnvelopeCodec;
import io.walletledger.envelope.UnreadableEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Consumes the event topic in batches: each poll's events and the next offsets are written in one
 * database transaction, so an effect happens exactly once across crashes and rebalances. Offsets are
 * also committed to Kafka afterwards, only so that lag is visible to the usual tools.
 */
public final class TransactionalEventConsumer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionalEventConsumer.class);

    private final String name;
    private final String topic;
    private final DataSource dataSource;
    private final EventApplier applier;
    private final KafkaConsumer<String, byte[]> consumer;
    private final OffsetStore offsets;
    private final EventEnvelopeCodec codec = new EventEnvelopeCodec();
    private final Counter applied;
    private final Counter unreadable;
    private final Thread thread;
    private volatile boolean running = true;

    public TransactionalEventConsumer(String name, String bootstrapServers, String topic, DataSource dataSource,
                                      EventApplier applier, MeterRegistry meters) {
        this.name = name;
        this.topic = topic;
        this.dataSource = dataSource;
        this.applier = applier;
        this.offsets = new OffsetStore(name);
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, name,
                ConsumerConfig.CLIENT_ID_CONFIG, name,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000,
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5000),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.applied = Counter.builder("ledger.consumer.events").tag("consumer", name).register(meters);
        this.unreadable = Counter.builder("ledger.consumer.unreadable").tag("consumer", name).register(meters);
        this.thread = new Thread(this::run, name + "-consumer");
    }

    public void start() {
        consumer.subscribe(Set.of(topic), new SeekToStoredOffsets());
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    applyOrRewind(records);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            consumer.close();
        }
    }

    private void applyOrRewind(ConsumerRecords<String, byte[]> records) {
        try {
            Map<TopicPartition, Long> next = applyInOneTransaction(records);
            Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
            next.forEach((tp, offset) -> commit.put(tp, new OffsetAndMetadata(offset)));
            consumer.commitAsync(commit, null);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("{}: batch failed, it will be consumed again: {}", name, e.toString());
            for (TopicPartition partition : records.partitions()) {
                consumer.seek(partition, records.records(partition).get(0).offset());
            }
            pause(Duration.ofSeconds(1));
        }
    }

    private Map<TopicPartition, Long> applyInOneTransaction(ConsumerRecords<String, byte[]> records) throws SQLException {
        Map<TopicPartition, Long> next = new HashMap<>();
        try (Connection tx = dataSource.getConnection()) {
            tx.setAutoCommit(false);
            try {
                for (TopicPartition partition : records.partitions()) {
                    List<ConsumerRecord<String, byte[]>> batch = records.records(partition);
                    for (ConsumerRecord<String, byte[]> record : batch) {
                        applyOne(tx, record);
                    }
                    next.put(partition, batch.get(batch.size() - 1).offset() + 1);
                }
                offsets.save(tx, next);
                tx.commit();
                applied.increment(records.count());
            } catch (SQLException | RuntimeException e) {
                tx.rollback();
                throw e;
            } finally {
                tx.setAutoCommit(true);
            }
        }
        return next;
    }

    private void applyOne(Connection tx, ConsumerRecord<String, byte[]> record) throws SQLException {
        CloudEvent event;
        try {
            event = codec.decode(record.value() == null ? new byte[0] : record.value());
        } catch (UnreadableEvent e) {
            unreadable.increment();
            LOG.warn("{}: skipping unreadable record {}-{}@{}: {}", name, record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        applier.apply(tx, event);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class SeekToStoredOffsets implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            Map<TopicPartition, Long> stored;
            try (Connection connection = dataSource.getConnection()) {
                stored = offsets.load(connection, partitions);
            } catch (SQLException e) {
                throw new IllegalStateException(name + ": cannot read stored offsets", e);
            }
            for (TopicPartition partition : partitions) {
                Long offset = stored.get(partition);
                if (offset == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, offset);
                }
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // offsets are already in the database with the rows they produced
        }
    }
}
