package io.walletledger.command.publishing;

import io.walletledger.envelope.Topics;
import io.walletledger.servicekit.kafka.KafkaSettings;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.config.TopicConfig;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
        ensure(new NewTopic(Topics.deadLetterOf(Topics.COMMANDS), Optional.of(1), Optional.empty())
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")));
    }

    private void ensure(NewTopic topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.getBootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            if (existing.contains(topic.name())) {
                return;
            }
            admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic.name(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + settings.getBootstrapServers() + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }
}
