package io.walletledger.deploy.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LocalKafkaBrokerTest {

    @TempDir
    Path dataDir;

    @Test
    void a_restarted_broker_keeps_its_topics_and_records() throws Exception {
        String servers;
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(dataDir, 0, 0)) {
            servers = broker.bootstrapServers();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
                admin.createTopics(List.of(new NewTopic("t", 1, (short) 1))).all().get();
            }
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("t", "k", "kept")).get();
            }
        }
        int port = Integer.parseInt(servers.substring(servers.lastIndexOf(':') + 1));
        try (LocalKafkaBroker again = LocalKafkaBroker.start(dataDir, port, 0)) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, again.bootstrapServers()))) {
                assertThat(admin.listTopics().names().get()).contains("t");
            }
            try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, again.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "g",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(Set.of("t"));
                ConsumerRecords<String, String> records = ConsumerRecords.empty();
                for (int i = 0; i < 50 && records.isEmpty(); i++) {
                    records = consumer.poll(Duration.ofMillis(200));
                }
                assertThat(records.iterator().next().value()).isEqualTo("kept");
            }
        }
    }

    @Test
    void three_nodes_form_one_cluster_that_keeps_taking_writes_with_one_node_down(@TempDir Path clusterDir) throws Exception {
        LocalKafkaBroker.Cluster cluster = LocalKafkaBroker.Cluster.onFreePorts(3);
        assertThat(LocalKafkaBroker.Cluster.parse(cluster.toString()).bootstrapServers()).isEqualTo(cluster.bootstrapServers());
        List<LocalKafkaBroker> nodes = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (var starting = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int node = 1; node <= 3; node++) {
                int id = node;
                starting.submit(() -> nodes.add(LocalKafkaBroker.startNode(clusterDir.resolve("n" + id), cluster, id, 3)));
            }
        }
        assertThat(nodes).hasSize(3);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            assertThat(admin.describeCluster().nodes().get()).hasSize(3);
            admin.createTopics(List.of(new NewTopic("r", java.util.Optional.of(2), java.util.Optional.empty()))).all().get();
            // the controller has committed the topic; each broker learns it from the metadata log a moment later
            for (LocalKafkaBroker node : nodes) {
                try (Admin nodeAdmin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, node.bootstrapServers()))) {
                    await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(ExecutionException.class).untilAsserted(() ->
                            assertThat(nodeAdmin.describeTopics(List.of("r")).allTopicNames().get().get("r").partitions())
                                    .hasSize(2)
                                    .allSatisfy(p -> {
                                        assertThat(p.replicas()).hasSize(3);
                                        assertThat(p.isr()).hasSize(3);
                                    }));
                }
            }
            nodes.get(0).close();
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("r", "k", "with two of three")).get();
            }
        } finally {
            // together: the last node alone would wait minutes for a quorum to shut down in a controlled way
            try (var stopping = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                for (LocalKafkaBroker node : nodes.subList(1, nodes.size())) {
                    stopping.submit(node::close);
                }
            }
        }
    }
}
