package io.walletledger.projection.audit;

import io.walletledger.testkit.KafkaEndpoint;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** A fresh topic of the test broker, returned once every partition has a leader (so no send races it). */
final class TestTopics {

    private TestTopics() {
    }

    static String create(KafkaEndpoint kafka, String prefix, int partitions) throws Exception {
        String topic = prefix + "-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
                return description.partitions().size() == partitions
                        && description.partitions().stream().allMatch(p -> p.leader() != null);
            });
        }
        return topic;
    }
}
