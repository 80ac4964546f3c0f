package io.walletledger.command.publishing;

import io.walletledger.envelope.Topics;
import io.walletledger.servicekit.kafka.DeadLetters;
import io.walletledger.servicekit.kafka.KafkaSettings;
import jakarta.inject.Singleton;
import io.walletledger.servicekit.kafka.TopicProvisioner;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import java.util.Map;
import java.util.Optional;

/**
 * Creates the service's topics when they are missing: the event topic (the auditors' history, so
 * retention is unlimited), the command intake, its results and its dead letters. The replication
 * factor is the cluster's default (1 on the local broker, 3 in production).
 */
@Singleton
public class EventTopicProvisioner {

    private final KafkaSettings settings;

    public EventTopicProvisioner(KafkaSettings settings) {
        this.settings = settings;
    }

    public void ensureTopics() {
        int partitions = settings.getEventsTopicPartitions();
        ensure(new NewTopic(Topics.EVENTS, Optional.of(partitions), Optional.empty())
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1",
                        TopicConfig.RETENTION_BYTES_CONFIG, "-1",
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE)));
        ensure(new NewTopic(Topics.COMMANDS, Optional.of(partitions), Optional.empty()));
        ensure(new NewTopic(Topics.COMMAND_RESULTS, Optional.of(partitions), Optional.empty()));
        ensure(DeadLetters.topicFor(Topics.COMMANDS));
    }

    private void ensure(NewTopic topic) {
        TopicProvisioner.ensure(settings.getBootstrapServers(), topic);
    }
}
