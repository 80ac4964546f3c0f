package io.walletledger.servicekit.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.walletledger.servicekit.database.DatabaseFailures;
import org.apache.kafka.clients.consumer.CloseOptions;
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
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Consumes the event topic in batches: each poll's events and the next offsets are written in one
 * database transaction, so an effect happens exactly once across crashes and rebalances. Offsets are
 * also committed to Kafka afterwards, only so that lag is visible to the usual tools. Lag per
 * partition ({@code ledger.consumer.lag}) and applied events ({@code ledger.consumer.events}) are
 * metrics; {@link #status()} feeds the health check. A batch that fails while the database answers is
 * applied again record by record: a record that keeps failing on its own, or cannot be read, goes to
 * the dead-letter topic ({@link DeadLetters}) and consumption goes on; while the database does not
 * answer, or when the batch lost a deadlock to a concurrent one, nothing is dead-lettered and the batch
 * is consumed again. Instances of one group share the stored offsets: each batch locks its partitions'
 * rows and skips records another instance has applied ({@link OffsetStore#lock}).
 */
public final class TransactionalEventConsumer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionalEventConsumer.class);
    private static final AtomicLong HALT_COUNTDOWN = new AtomicLong(-1);
    /** How often a record that fails on its own is tried before it is dead-lettered. */
    private static final int POISON_ATTEMPTS = 3;
    /** Lag gauges outlive a consumer instance: a restarted consumer of the same name reuses them. */
    private static final Map<String, Map<Integer, AtomicLong>> LAGS = new ConcurrentHashMap<>();

    private final String name;
    private final String topic;
    private final DataSource dataSource;
    private final KafkaConsumer<String, byte[]> consumer;
    private final OffsetStore offsets;
    private final BatchWriter writer;
    private final MeterRegistry meters;
    private final Counter applied;
    private final Map<Integer, AtomicLong> lag;
    private final Set<Integer> gauged = new java.util.HashSet<>();
    private final Thread thread;
    private final Runnable afterCommit;
    private final DeadLetters deadLetters;
    private final Counter deadLettered;
    private final Counter fencedOff;
    private volatile boolean running = true;
    private volatile Instant lastCommitAt;
    private volatile Instant failingSince;
    private volatile String lastError;

    public TransactionalEventConsumer(String name, String bootstrapServers, String topic, DataSource dataSource,
                                      EventApplier applier, MeterRegistry meters, ConsumerSettings settings,
                                      Runnable afterCommit) {
        this.name = name;
        this.topic = topic;
        this.dataSource = dataSource;
        this.meters = meters;
        this.afterCommit = afterCommit;
        this.offsets = new OffsetStore(name);
        this.lag = LAGS.computeIfAbsent(name, n -> new ConcurrentHashMap<>());
        Map<String, Object> config = new java.util.HashMap<>(settings.membership());
        config.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, name,
                ConsumerConfig.CLIENT_ID_CONFIG, name,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.getMaxPollRecords(),
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5000));
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        this.applied = Counter.builder("ledger.consumer.events").tag("consumer", name)
                .description("events applied (rate() of it is events/s)").register(meters);
        this.deadLettered = Counter.builder("ledger.consumer.dead.letters").tag("consumer", name)
                .description("records sent to the dead-letter topic (unreadable, or failing on their own)").register(meters);
        this.fencedOff = Counter.builder("ledger.consumer.fenced.off").tag("consumer", name)
                .description("records skipped because another instance of the group had applied them").register(meters);
        if (settings.getHaltAfterEvents() > 0) {
            HALT_COUNTDOWN.compareAndSet(-1, settings.getHaltAfterEvents());
        }
        this.deadLetters = new DeadLetters(bootstrapServers, topic, name);
        this.writer = new BatchWriter(name, applier, this::deadLetter,
                () -> HALT_COUNTDOWN.get() > 0 ? HALT_COUNTDOWN.decrementAndGet() : -1);
        this.thread = new Thread(this::run, name + "-consumer");
    }

    public void start() {
        consumer.subscribe(Set.of(topic), new SeekToStoredOffsets());
        thread.start();
    }

    public String name() {
        return name;
    }

    public ConsumerStatus status() {
        Map<Integer, Long> lagNow = new HashMap<>();
        lag.forEach((partition, value) -> lagNow.put(partition, value.get()));
        return new ConsumerStatus(name, running && thread.isAlive(), lagNow, (long) applied.count(), lastCommitAt,
                failingSince, lastError);
    }

    private void run() {
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    applyOrRewind(records);
                }
                measureLag();
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            lastError = e.toString();
            LOG.error("{}: consumer stopped", name, e);
            throw e;
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
            deadLetters.close();
        }
    }

    private void measureLag() {
        for (TopicPartition partition : consumer.assignment()) {
            consumer.currentLag(partition).ifPresent(value -> {
                AtomicLong gauge = lag.computeIfAbsent(partition.partition(), p -> new AtomicLong());
                if (gauged.add(partition.partition()) && meters.find("ledger.consumer.lag").tag("consumer", name)
                        .tag("partition", Integer.toString(partition.partition())).gauge() == null) {
                    Gauge.builder("ledger.consumer.lag", gauge, AtomicLong::get).tag("consumer", name)
                            .tag("partition", Integer.toString(partition.partition()))
                            .description("records not yet applied").register(meters);
                }
                gauge.set(value);
            });
        }
    }

    private void applyOrRewind(ConsumerRecords<String, byte[]> records) {
        try {
            commit(records);
        } catch (SQLException | RuntimeException e) {
            failed(e);
            if (DatabaseFailures.conflict(e)) {
                // a deadlock with another instance's batch: the batch is fine, only its moment was not
                rewind(records.partitions(), records, Map.of());
                pause(Duration.ofMillis(ThreadLocalRandom.current().nextLong(50, 500)));
            } else if (!databaseAnswers()) {
                rewind(records.partitions(), records, Map.of());
                pause(Duration.ofSeconds(1));
            } else {
                applyOneByOne(records);
            }
        }
    }

    /**
     * After a batch failed while the database answers: each record in its own transaction, so that one
     * that fails on its own (a poison record) is found, retried, then dead-lettered, and the rest applied.
     */
    private void applyOneByOne(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, Long> done = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                if (!applyOrDeadLetter(partition, record)) {
                    rewind(records.partitions(), records, done);
                    pause(Duration.ofSeconds(1));
                    return;
                }
                done.put(partition, record.offset() + 1);
            }
        }
    }

    /** False when the database stopped answering: the record stays where it is, to be tried again. */
    private boolean applyOrDeadLetter(TopicPartition partition, ConsumerRecord<String, byte[]> record) {
        ConsumerRecords<String, byte[]> one = new ConsumerRecords<>(Map.of(partition, List.of(record)), Map.of());
        RuntimeException last = null;
        for (int attempt = 1; attempt <= POISON_ATTEMPTS; attempt++) {
            try {
                commit(one);
                return true;
            } catch (SQLException | RuntimeException e) {
                failed(e);
                last = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                if (DatabaseFailures.conflict(e) || !databaseAnswers()) {
                    return false; // not the record's fault: the batch is consumed again from here
                }
                pause(Duration.ofMillis(200L * attempt));
            }
        }
        deadLetter(record, "failed " + POISON_ATTEMPTS + " times on its own: " + last);
        try {
            commitOffsets(Map.of(partition, record.offset() + 1));
            return true;
        } catch (SQLException | RuntimeException e) {
            failed(e);
            return false;
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        LOG.error("{}: dead-lettering {}-{}@{}: {}", name, record.topic(), record.partition(), record.offset(), reason);
        deadLetters.send(record, reason);
        deadLettered.increment();
    }

    private void commit(ConsumerRecords<String, byte[]> records) throws SQLException {
        Map<TopicPartition, Long> next = applyInOneTransaction(records);
        committed(next);
    }

    private void commitOffsets(Map<TopicPartition, Long> next) throws SQLException {
        try (Connection tx = dataSource.getConnection()) {
            tx.setAutoCommit(false);
            try {
                offsets.save(tx, next);
                tx.commit();
            } catch (SQLException | RuntimeException e) {
                tx.rollback();
                throw e;
            } finally {
                tx.setAutoCommit(true);
            }
        }
        committed(next);
    }

    private void committed(Map<TopicPartition, Long> next) {
        lastCommitAt = Instant.now();
        failingSince = null;
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        next.forEach((tp, offset) -> commit.put(tp, new OffsetAndMetadata(offset)));
        consumer.commitAsync(commit, null);
        afterCommit.run();
    }

    private void failed(Exception e) {
        LOG.warn("{}: batch failed, it will be consumed again: {}", name, e.toString());
        lastError = e.toString();
        if (failingSince == null) {
            failingSince = Instant.now();
        }
    }

    /** Seeks each partition back to its first record not yet committed ({@code done}: the next offsets committed). */
    private void rewind(Collection<TopicPartition> partitions, ConsumerRecords<String, byte[]> records,
                        Map<TopicPartition, Long> done) {
        for (TopicPartition partition : partitions) {
            consumer.seek(partition, done.getOrDefault(partition, records.records(partition).get(0).offset()));
        }
    }

    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private Map<TopicPartition, Long> applyInOneTransaction(ConsumerRecords<String, byte[]> records) throws SQLException {
        try (Connection tx = dataSource.getConnection()) {
            tx.setAutoCommit(false);
            try {
                ConsumerRecords<String, byte[]> unapplied = notYetApplied(records, offsets.lock(tx, records.partitions()));
                Map<TopicPartition, Long> next = writer.write(tx, unapplied);
                offsets.save(tx, next);
                tx.commit();
                applied.increment(unapplied.count());
                return next;
            } catch (SQLException | RuntimeException e) {
                tx.rollback();
                throw e;
            } finally {
                tx.setAutoCommit(true);
            }
        }
    }

    /**
     * The records at or after each partition's stored offset. Records before it were applied by another
     * instance of the group that owns the partition now (this one lost it in a rebalance, or its session
     * expired while it worked, and has not heard of it yet); they are skipped, not applied twice.
     */
    private ConsumerRecords<String, byte[]> notYetApplied(ConsumerRecords<String, byte[]> records,
                                                          Map<TopicPartition, Long> stored) {
        Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> kept = new HashMap<>();
        boolean skipped = false;
        for (TopicPartition partition : records.partitions()) {
            long from = stored.getOrDefault(partition, 0L);
            List<ConsumerRecord<String, byte[]>> all = records.records(partition);
            List<ConsumerRecord<String, byte[]>> fresh = all.stream().filter(r -> r.offset() >= from).toList();
            skipped |= fresh.size() < all.size();
            if (!fresh.isEmpty()) {
                kept.put(partition, fresh);
            }
        }
        if (!skipped) {
            return records;
        }
        fencedOff.increment(records.count() - kept.values().stream().mapToInt(List::size).sum());
        LOG.info("{}: skipped records another instance of the group has applied (a rebalance moved their partition)",
                name);
        return new ConsumerRecords<>(kept, Map.of());
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the consumer to stop without waiting for it (see {@link #close()}). */
    public void stopAsync() {
        running = false;
        consumer.wakeup();
    }

    @Override
    public void close() {
        stopAsync();
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
            partitions.forEach(partition -> {
                AtomicLong gauge = lag.get(partition.partition());
                if (gauge != null) {
                    gauge.set(0);
                }
            });
        }
    }
}
