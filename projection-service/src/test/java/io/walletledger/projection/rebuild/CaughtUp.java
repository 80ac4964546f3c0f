package io.walletledger.projection.rebuild;

import io.micronaut.runtime.server.EmbeddedServer;
import io.walletledger.envelope.Topics;
import io.walletledger.projection.Projector;
import io.walletledger.testkit.KafkaEndpoint;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every read model's stored offsets at the topic's end: what the consumers committed with their rows,
 * compared with the broker's end offsets (a lag gauge can read 0 before a fetch has seen new records).
 */
final class CaughtUp {

    private CaughtUp() {
    }

    static boolean check(EmbeddedServer server, KafkaEndpoint kafka) throws Exception {
        Map<Integer, Long> end = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.<String, Object>of(
                "bootstrap.servers", kafka.bootstrapServers()), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.EVENTS).stream()
                    .map(p -> new TopicPartition(Topics.EVENTS, p.partition())).toList();
            consumer.endOffsets(partitions).forEach((tp, offset) -> end.put(tp.partition(), offset));
        }
        DataSource dataSource = server.getApplicationContext().getBean(DataSource.class);
        for (Projector projector : server.getApplicationContext().getBeansOfType(Projector.class)) {
            Map<Integer, Long> stored = new HashMap<>();
            try (Connection c = dataSource.getConnection();
                 PreparedStatement query = c.prepareStatement("SELECT partition_no, next_offset FROM consumer_offset "
                         + "WHERE consumer_group = ? AND topic = ?")) {
                query.setString(1, projector.consumerGroup());
                query.setString(2, Topics.EVENTS);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        stored.put(rows.getInt(1), rows.getLong(2));
                    }
                }
            }
            for (Map.Entry<Integer, Long> partition : end.entrySet()) {
                if (stored.getOrDefault(partition.getKey(), 0L) < partition.getValue()) {
                    return false;
                }
            }
        }
        return true;
    }
}
