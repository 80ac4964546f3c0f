package io.walletledger.servicekit.security;

import io.walletledger.servicekit.kafka.TopicProvisioner;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads {@code ledger.api-keys.v1} (one partition, compacted) from the beginning on a thread of its
 * own, without a consumer group (every instance needs every key), and writes key states and usage
 * reports to it.
 */
final class ApiKeyLog implements AutoCloseable {

    private final String topic;
    private final Duration usageFlushInterval;
    private final ApiKeyRegistry registry;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final Thread reader;
    private final Map<String, Instant> reported = new HashMap<>();
    private volatile boolean caughtUp;
    private volatile boolean running = true;

    ApiKeyLog(String bootstrapServers, SecuritySettings settings, ApiKeyRegistry registry) {
        this.topic = settings.getKeysTopic();
        this.usageFlushInterval = settings.getUsageFlushInterval();
        this.registry = registry;
        TopicProvisioner.ensure(bootstrapServers, new NewTopic(topic, Optional.of(1), Optional.empty())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new ByteArraySerializer());
        this.reader = Thread.ofPlatform().daemon().name("api-keys-reader").unstarted(this::read);
    }

    void start() {
        reader.start();
    }

    boolean caughtUp() {
        return caughtUp;
    }

    boolean alive() {
        return reader.isAlive();
    }

    void write(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the API key topic did not acknowledge the write", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing an API key", e);
        }
    }

    private void read() {
        TopicPartition partition = new TopicPartition(topic, 0);
        try {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            long nextFlush = System.nanoTime() + usageFlushInterval.toNanos();
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    apply(record);
                }
                if (!caughtUp && consumer.position(partition) >= end) {
                    caughtUp = true;
                }
                if (System.nanoTime() - nextFlush >= 0) {
                    reportUsage();
                    nextFlush = System.nanoTime() + usageFlushInterval.toNanos();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            ApiKeyRegistry.logger().error("the API key reader stopped: only the admin key is accepted now", e);
        } finally {
            consumer.close();
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null || record.key() == null) {
            return;
        }
        try {
            if (record.key().startsWith("key/")) {
                registry.applyKey(ApiKeyTopic.decodeKey(record.value()));
            } else if (record.key().startsWith("usage/")) {
                registry.applyUsage(ApiKeyTopic.decodeUsage(record.value()));
            }
        } catch (IOException | RuntimeException e) {
            ApiKeyRegistry.logger().warn("skipped unreadable record at offset {} of {}: {}", record.offset(), topic,
                    e.getClass().getSimpleName());
        }
    }

    private void reportUsage() {
        registry.drainUsage(reported).forEach((id, at) -> {
            ApiKeyTopic.Usage usage = new ApiKeyTopic.Usage(id, registry.service(), at);
            producer.send(new ProducerRecord<>(topic, ApiKeyTopic.keyOf(usage), ApiKeyTopic.encode(usage)));
        });
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            reader.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reportUsage();
        producer.close(Duration.ofSeconds(5));
    }
}
