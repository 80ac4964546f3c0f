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
 * Creates the event topic when it is missing: the auditors' history, so retention is unlimited.
 * The replication factor is the cluster's default (1 on the local broker, 3 in production).
 */
@Singleton
public class EventTopicProvisioner {

    private final KafkaSettings settings;

    public EventTopicProvisioner(KafkaSettings settings) {
        this.settings = settings;
    }

    public void ensureTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.getBootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            if (existing.contains(Topics.EVENTS)) {
                return;
            }
            NewTopic events = new NewTopic(Topics.EVENTS, Optional.of(settings.getEventsTopicPartitions()), Optional.empty())
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1",
                            TopicConfig.RETENTION_BYTES_CONFIG, "-1",
                            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE));
            admin.createTopics(List.of(events)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + Topics.EVENTS, e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + settings.getBootstrapServers() + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }
}
