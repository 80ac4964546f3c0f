package io.walletledger.command.intake;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.walletledger.envelope.Topics;
import io.walletledger.servicekit.kafka.KafkaSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Consumes {@code ledger.commands.v1} in batches. Each poll's partitions are handled in parallel (a slow
 * command holds up only its own partition's records), each partition in order; results are published,
 * then the offsets committed. A crash in between redelivers the commands: their commandIds are known,
 * so the first outcome is published again and nothing changes twice.
 */
@Context
@Requires(property = "ledger.intake.enabled", notEquals = "false")
class CommandIntake {

    private static final Logger LOG = LoggerFactory.getLogger(CommandIntake.class);
    static final String CONSUMER_GROUP = "command-service.intake";

    private final CommandHandler handler;
    private final IntakeSettings settings;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final ExecutorService partitions = Executors.newVirtualThreadPerTaskExecutor();
    private final Thread thread = new Thread(this::run, "command-intake");
    private volatile boolean running = true;

    /** Axon's configuration is a parameter so that the intake starts only once the ledger has. */
    CommandIntake(CommandHandler handler, IntakeSettings settings, KafkaSettings kafka, Configuration ledgerStarted) {
        this.handler = handler;
        this.settings = settings;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, CONSUMER_GROUP,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.getMaxPollRecords(),
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5000),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.CLIENT_ID_CONFIG, "command-service-intake"),
                new StringSerializer(), new ByteArraySerializer());
    }

    @PostConstruct
    void start() {
        consumer.subscribe(Set.of(Topics.COMMANDS));
        thread.start();
    }

    private void run() {
        boolean crashOnce = settings.isCrashBeforeFirstCommit();
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                Map<TopicPartition, Long> next = handleBatch(records);
                producer.flush();
                if (crashOnce) {
                    LOG.warn("fault injection: the intake dies after handling a batch, before committing its offsets");
                    return;
                }
                Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
                next.forEach((tp, offset) -> commit.put(tp, new OffsetAndMetadata(offset)));
                consumer.commitSync(commit);
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("command intake stopped", e);
        } finally {
            consumer.close();
        }
    }

    /** Handles each partition's records in order, partitions in parallel; returns the offsets to commit. */
    private Map<TopicPartition, Long> handleBatch(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, Future<Long>> handled = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> batch = records.records(partition);
            handled.put(partition, partitions.submit(() -> handlePartition(batch)));
        }
        Map<TopicPartition, Long> next = new HashMap<>();
        handled.forEach((partition, future) -> {
            long first = records.records(partition).get(0).offset();
            long reached = await(future, first);
            if (reached > first) {
                next.put(partition, reached);
            }
            if (reached <= records.records(partition).get(records.records(partition).size() - 1).offset()) {
                consumer.seek(partition, reached);
            }
        });
        return next;
    }

    /** Returns the offset after the last record handled; stops at the first infrastructure failure. */
    private long handlePartition(List<ConsumerRecord<String, byte[]>> batch) {
        long next = batch.get(0).offset();
        for (ConsumerRecord<String, byte[]> record : batch) {
            try {
                producer.send(handler.handle(record));
            } catch (RuntimeException e) {
                LOG.warn("command at {}-{}@{} failed and will be consumed again: {}", record.topic(),
                        record.partition(), record.offset(), e.toString());
                pause();
                return next;
            }
            next = record.offset() + 1;
        }
        return next;
    }

    private static long await(Future<Long> future, long fallback) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback;
        } catch (ExecutionException e) {
            return fallback;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        partitions.shutdownNow();
        producer.close(Duration.ofSeconds(5));
    }
}
