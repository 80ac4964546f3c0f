package io.walletledger.projection.rebuild;

import io.walletledger.envelope.Topics;
import io.walletledger.projection.Projector;
import io.walletledger.servicekit.kafka.BatchWriter;
import io.walletledger.servicekit.kafka.EventApplier;
import io.walletledger.servicekit.kafka.OffsetStore;
import io.walletledger.servicekit.kafka.VersionGuard;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Savepoint;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replays the event topic from its beginning through every projector into the rebuild schema, one
 * transaction per poll, storing each projector's offsets there too, so the rebuilt tables carry the
 * exact position the live consumers resume from after the switch. Outside any consumer group.
 */
final class Replay implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Replay.class);

    private final DataSource dataSource;
    private final String schema;
    private final List<Projector> projectors;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<TopicPartition> partitions;
    private final BatchWriter writer;
    /** One writer per read model, for a batch that fails as a whole: see {@link #writeModelByModel}. */
    private final Map<String, BatchWriter> writerOf = new LinkedHashMap<>();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong applied = new AtomicLong();

    Replay(DataSource dataSource, String schema, List<Projector> projectors, String bootstrapServers, int maxPollRecords) {
        this.dataSource = dataSource;
        this.schema = schema;
        this.projectors = projectors;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "projection-service.rebuild",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<PartitionInfo> infos = consumer.partitionsFor(Topics.EVENTS, Duration.ofSeconds(30));
        this.partitions = infos == null ? List.of()
                : infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        EventApplier all = EventApplier.all(projectors.stream()
                .map(p -> new VersionGuard(p.consumerGroup(), p.applier())).toList());
        this.writer = new BatchWriter("rebuild", all, (record, reason) -> { }, () -> -1);
        projectors.forEach(p -> writerOf.put(p.consumerGroup(), new BatchWriter("rebuild " + p.consumerGroup(),
                new VersionGuard(p.consumerGroup(), p.applier()), (record, reason) -> { }, () -> -1)));
    }

    /** Events a read model could not apply (as its live consumer could not: it dead-lettered them). */
    long skipped() {
        return skipped.get();
    }

    /** Records still to replay up to the topic's current end. */
    long remaining(Map<TopicPartition, Long> targets) {
        return targets.entrySet().stream()
                .mapToLong(e -> Math.max(0, e.getValue() - consumer.position(e.getKey())))
                .sum();
    }

    Map<TopicPartition, Long> endOffsets() {
        return consumer.endOffsets(partitions, Duration.ofSeconds(30));
    }

    long applied() {
        return applied.get();
    }

    /** Replays until every partition reached its target offset; {@code onBatch} reports progress. */
    void replayUntil(Map<TopicPartition, Long> targets, Runnable onBatch) throws SQLException {
        while (remaining(targets) > 0) {
            ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
            if (!records.isEmpty()) {
                write(records);
                applied.addAndGet(records.count());
            }
            onBatch.run();
        }
    }

    private void write(ConsumerRecords<String, byte[]> records) throws SQLException {
        try {
            inTransaction(tx -> writer.write(tx, records));
        } catch (SQLException | RuntimeException e) {
            LOG.warn("rebuild: a batch failed ({}); applying it read model by read model, halving a part that fails",
                    e.toString());
            inTransaction(tx -> writeModelByModel(tx, records));
        }
    }

    /**
     * Each read model gets the batch under a savepoint of its own; a part that fails is halved until the
     * events it cannot apply are alone, and those are skipped for that read model only (as its live
     * consumer dead-lettered them), while the others get them. One bad event in a poll of thousands costs
     * a few dozen partial writes, not one transaction step per event.
     */
    private Map<TopicPartition, Long> writeModelByModel(Connection tx, ConsumerRecords<String, byte[]> records)
            throws SQLException {
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>(records.count());
        Map<TopicPartition, Long> next = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> ofPartition = records.records(partition);
            all.addAll(ofPartition);
            next.put(partition, ofPartition.get(ofPartition.size() - 1).offset() + 1);
        }
        for (Map.Entry<String, BatchWriter> model : writerOf.entrySet()) {
            writeOrHalve(tx, model.getKey(), model.getValue(), all);
        }
        return next;
    }

    private void writeOrHalve(Connection tx, String model, BatchWriter modelWriter,
                              List<ConsumerRecord<String, byte[]>> part) throws SQLException {
        Savepoint before = tx.setSavepoint();
        try {
            modelWriter.write(tx, asRecords(part));
            tx.releaseSavepoint(before);
        } catch (SQLException | RuntimeException e) {
            tx.rollback(before);
            if (part.size() == 1) {
                ConsumerRecord<String, byte[]> record = part.get(0);
                skipped.incrementAndGet();
                LOG.error("rebuild: {} skips {}-{}@{}: {}", model, record.topic(), record.partition(), record.offset(),
                        e.toString());
                return;
            }
            // halves keep each partition's records in order (the list is ordered by partition, then offset)
            int half = part.size() / 2;
            writeOrHalve(tx, model, modelWriter, part.subList(0, half));
            writeOrHalve(tx, model, modelWriter, part.subList(half, part.size()));
        }
    }

    private static ConsumerRecords<String, byte[]> asRecords(List<ConsumerRecord<String, byte[]>> part) {
        Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> byPartition = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : part) {
            byPartition.computeIfAbsent(new TopicPartition(record.topic(), record.partition()), p -> new ArrayList<>())
                    .add(record);
        }
        return new ConsumerRecords<>(byPartition, Map.of());
    }

    private interface Work {
        Map<TopicPartition, Long> run(Connection tx) throws SQLException;
    }

    private void inTransaction(Work work) throws SQLException {
        try (Connection tx = dataSource.getConnection()) {
            String liveSchema = tx.getSchema();
            tx.setSchema(schema);
            tx.setAutoCommit(false);
            try {
                Map<TopicPartition, Long> next = work.run(tx);
                for (Projector projector : projectors) {
                    new OffsetStore(projector.consumerGroup()).save(tx, next);
                }
                tx.commit();
            } catch (SQLException | RuntimeException e) {
                tx.rollback();
                throw e;
            } finally {
                tx.setAutoCommit(true);
                tx.setSchema(liveSchema);
            }
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
