package io.walletledger.testkit;

import io.walletledger.envelope.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Reads what a service published on {@code ledger.events.v1} (or another topic), as a consumer of its own would. */
public final class PublishedEvents {

    private PublishedEvents() {
    }

    /** Waits (30 s at most) for at least {@code expected} records with this key and returns them in order. */
    public static List<ConsumerRecord<String, byte[]>> keyed(KafkaEndpoint kafka, String key, int expected) {
        return keyed(kafka, Topics.EVENTS, key, expected);
    }

    /** Every record of a topic, from its beginning up to its end at the time of the call, in partition order. */
    public static List<ConsumerRecord<String, byte[]>> all(KafkaEndpoint kafka, String topic) {
        return all(kafka, topic, Duration.ofSeconds(30));
    }

    /** The same, reading for at most {@code limit} (a long history takes longer than the default 30 s). */
    public static List<ConsumerRecord<String, byte[]>> all(KafkaEndpoint kafka, String topic, Duration limit) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            await().atMost(limit).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(found::add);
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
            return found;
        }
    }

    /** The same, on another topic (a dead-letter topic, for example). */
    public static List<ConsumerRecord<String, byte[]>> keyed(KafkaEndpoint kafka, String topic, String key,
                                                             int expected) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "published-events-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(Set.of(topic));
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                return found.size() >= expected;
            });
            return found;
        }
    }
}
