package io.walletledger.command.intake;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.walletledger.envelope.Topics;
import io.walletledger.servicekit.kafka.ConsumerSettings;
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
import org.apache.kafka.clients.producer.RecordMetadata;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Consumes {@code ledger.commands.v1} in batches. Each partition's records are handled in order by a
 * worker of their own while that partition is paused, so a slow or failing command holds up only its
 * partition; the others keep being polled (a command failing on its own again and again is given up
 * on: {@link PoisonCommands}). Results are published, then the offsets committed. A crash in between redelivers the commands: their commandIds are known,
 * so the first outcome is published again and nothing changes twice.
 */
@Context
@Requires(property = "ledger.intake.enabled", notEquals = "false")
class CommandIntake {

    private static final Logger LOG = LoggerFactory.getLogger(CommandIntake.class);
    static final String CONSUMER_GROUP = "command-service.intake";

    private final CommandHandler handler;
    private final PoisonCommands poison;
    private final IntakeSettings settings;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final ExecutorService partitions = Executors.newVirtualThreadPerTaskExecutor();
    private final Thread thread = new Thread(this::run, "command-intake");
    private volatile boolean running = true;
    private volatile String lastError;

    /** Axon's configuration is a parameter so that the intake starts only once the ledger has. */
    CommandIntake(CommandHandler handler, PoisonCommands poison, IntakeSettings settings, KafkaSettings kafka,
                  ConsumerSettings consumers, Configuration ledgerStarted) {
        this.handler = handler;
        this.poison = poison;
        this.settings = settings;
        Map<String, Object> config = new java.util.HashMap<>(consumers.membership());
        config.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, CONSUMER_GROUP,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.getMaxPollRecords(),
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5000));
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
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

    String lastError() {
        return lastError;
    }

    /** False once the poll loop has ended without being asked to stop (the health check turns DOWN). */
    boolean alive() {
        return !running || thread.isAlive();
    }

    /** A partition's records being handled off the poll thread; the partition is paused meanwhile. */
    private record Done(TopicPartition partition, long next, boolean complete) {
    }

    private final Map<TopicPartition, Future<?>> busy = new HashMap<>();
    private final BlockingQueue<Done> done = new LinkedBlockingQueue<>();

    private void run() {
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(50));
                for (TopicPartition partition : records.partitions()) {
                    List<ConsumerRecord<String, byte[]>> batch = records.records(partition);
                    consumer.pause(List.of(partition));
                    if (busy.containsKey(partition)) {
                        // re-assigned while its worker still runs: take these records again afterwards
                        consumer.seek(partition, batch.get(0).offset());
                        continue;
                    }
                    busy.put(partition, partitions.submit(() -> done.add(handlePartition(partition, batch))));
                }
                if (!finishDone()) {
                    return;
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("command intake stopped", e);
            lastError = e.toString();
        } finally {
            consumer.close();
        }
    }

    /**
     * Commits what the partition workers finished and lets their partitions be polled again; a slow
     * partition stays paused alone while the others go on. Returns false when fault injection says die.
     */
    private boolean finishDone() {
        List<Done> finished = new ArrayList<>();
        done.drainTo(finished);
        if (finished.isEmpty()) {
            return true;
        }
        producer.flush();
        if (settings.isCrashBeforeFirstCommit()) {
            LOG.warn("fault injection: the intake dies after handling a batch, before committing its offsets");
            return false;
        }
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        for (Done d : finished) {
            // a partition revoked meanwhile is someone else's now: it redelivers, and replays are harmless
            if (consumer.assignment().contains(d.partition())) {
                commit.put(d.partition(), new OffsetAndMetadata(d.next()));
                if (!d.complete()) {
                    consumer.seek(d.partition(), d.next());
                }
            }
        }
        consumer.commitSync(commit);
        for (Done d : finished) {
            busy.remove(d.partition());
            if (consumer.assignment().contains(d.partition())) {
                consumer.resume(List.of(d.partition()));
            }
        }
        return true;
    }

    /**
     * Handles one partition's records in order; stops at the first infrastructure failure. The offset
     * moves past a record only once the broker acknowledged its result (or dead letter): a result the
     * producer gave up on is produced again from the recorded outcome when the command is consumed again.
     */
    private Done handlePartition(TopicPartition partition, List<ConsumerRecord<String, byte[]>> batch) {
        List<List<Future<RecordMetadata>>> sent = new ArrayList<>();
        boolean failed = false;
        for (ConsumerRecord<String, byte[]> record : batch) {
            try {
                sent.add(List.of(producer.send(handler.handle(record))));
            } catch (RuntimeException e) {
                if (poison.giveUp(record)) {
                    LOG.error("command at {}-{}@{} failed {} times on its own: dead-lettered and answered: {}",
                            record.topic(), record.partition(), record.offset(), PoisonCommands.ATTEMPTS, e.toString());
                    sent.add(handler.giveUp(record, "failed " + PoisonCommands.ATTEMPTS + " times on its own: " + e)
                            .stream().map(producer::send).toList());
                    continue;
                }
                LOG.warn("command at {}-{}@{} failed and will be consumed again: {}", record.topic(),
                        record.partition(), record.offset(), e.toString());
                failed = true;
                break;
            }
        }
        long next = batch.get(0).offset();
        for (int i = 0; i < sent.size() && !failed; i++) {
            try {
                for (Future<RecordMetadata> acknowledged : sent.get(i)) {
                    acknowledged.get();
                }
                next = batch.get(i).offset() + 1;
            } catch (ExecutionException e) {
                LOG.warn("the result of the command at {}-{}@{} was not acknowledged and the command will be "
                        + "consumed again: {}", partition.topic(), partition.partition(), batch.get(i).offset(),
                        e.getCause().toString());
                failed = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed = true;
            }
        }
        if (failed) {
            pause();
        }
        return new Done(partition, next, !failed);
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
