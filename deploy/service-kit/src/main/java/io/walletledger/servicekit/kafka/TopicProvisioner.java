package io.walletledger.servicekit.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates a service's topics when they are missing, with the cluster's default replication factor
 * (1 on the local broker, 3 in production). Existing topics are left as the operator configured them.
 */
public final class TopicProvisioner {

    private TopicProvisioner() {
    }

    public static void ensure(String bootstrapServers, NewTopic... topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            for (NewTopic topic : topics) {
                if (!existing.contains(topic.name())) {
                    create(admin, topic);
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list topics on " + bootstrapServers, e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    private static void create(Admin admin, NewTopic topic) throws InterruptedException, TimeoutException {
        try {
            admin.createTopics(java.util.List.of(topic)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic.name(), e.getCause());
            }
        }
    }
}
