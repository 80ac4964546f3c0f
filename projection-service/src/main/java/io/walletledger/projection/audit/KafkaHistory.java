package io.walletledger.projection.audit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * Reads a topic from its beginning to the end it had when reading started, partition by partition in
 * offset order, without a consumer group (nothing is committed; the services' groups are untouched).
 */
final class KafkaHistory {

    private final String bootstrapServers;
    private final String topic;
    final AtomicLong total = new AtomicLong();
    final AtomicLong done = new AtomicLong();
    /** System.nanoTime() when the first records arrived (connecting and finding the partitions come before). */
    volatile long firstRecordsAt;

    KafkaHistory(String bootstrapServers, String topic) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
    }

    /** Hands the records' values to {@code sink} batch by batch, with their positions ({@code partition@offset}). */
    void read(BiConsumer<List<byte[]>, List<String>> sink) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "ledger-audit",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024,
                ConsumerConfig.RECEIVE_BUFFER_CONFIG, 1024 * 1024),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist at " + bootstrapServers);
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, Duration.ofSeconds(30));
            end.forEach((tp, offset) -> total.addAndGet(offset - begin.get(tp)));
            end.entrySet().removeIf(e -> e.getValue() <= begin.get(e.getKey()));
            consumer.pause(partitions.stream().filter(tp -> !end.containsKey(tp)).toList());
            while (!end.isEmpty()) {
                List<byte[]> values = new ArrayList<>();
                List<String> positions = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    Long last = end.get(tp);
                    if (last != null && record.offset() < last) {
                        values.add(record.value());
                        positions.add(record.partition() + "@" + record.offset());
                    }
                }
                if (!values.isEmpty()) {
                    if (firstRecordsAt == 0) {
                        firstRecordsAt = System.nanoTime();
                    }
                    sink.accept(values, positions);
                    done.addAndGet(values.size());
                }
                for (TopicPartition tp : List.copyOf(end.keySet())) {
                    if (consumer.position(tp) >= end.get(tp)) {
                        end.remove(tp);
                        consumer.pause(List.of(tp));
                    }
                }
            }
        }
    }
}
