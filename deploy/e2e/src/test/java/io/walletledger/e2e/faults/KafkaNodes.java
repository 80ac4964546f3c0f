package io.walletledger.e2e.faults;

import io.walletledger.deploy.kafka.LocalKafkaBroker;
import io.walletledger.e2e.ServiceProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A KRaft cluster of one or more broker-and-controller nodes on loopback, each its own JVM from
 * the packaged {@code deploy/local-kafka} jar (as {@code run.sh} runs the broker), so that a node
 * can be killed, stopped and started again on its data directory and ports.
 */
final class KafkaNodes implements AutoCloseable {

    private final LocalKafkaBroker.Cluster cluster;
    private final Path dir;
    private final Process[] nodes;

    KafkaNodes(int size, Path dir) {
        this.cluster = LocalKafkaBroker.Cluster.onFreePorts(size);
        this.dir = dir;
        this.nodes = new Process[size];
    }

    int size() {
        return nodes.length;
    }

    String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Starts every node and waits until the cluster counts them all. */
    void startAll() throws IOException {
        for (int node = 1; node <= size(); node++) {
            launch(node);
        }
        awaitNodes(size());
    }

    /** Starts one node again (on its data directory and ports) and waits until it is back in the cluster. */
    void start(int node) throws IOException {
        launch(node);
        awaitNodes(runningCount());
    }

    /** kill -9 of one node. */
    void kill(int node) throws InterruptedException {
        Process process = nodes[node - 1];
        process.destroyForcibly();
        process.waitFor();
    }

    /** A clean stop (SIGTERM: the node shuts down in a controlled way), bounded to 60 s. */
    void stop(int node) throws InterruptedException {
        Process process = nodes[node - 1];
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private int runningCount() {
        int running = 0;
        for (Process node : nodes) {
            running += node != null && node.isAlive() ? 1 : 0;
        }
        return running;
    }

    private void launch(int node) throws IOException {
        Path jar = ServiceProcess.packaged("deploy/local-kafka", "ledger-local-kafka");
        Path nodeDir = dir.resolve("kafka-" + node);
        Files.createDirectories(nodeDir);
        String java = ProcessHandle.current().info().command().orElse("java");
        nodes[node - 1] = new ProcessBuilder(java, "-Xms64m", "-Xmx512m", "-Dledger.process=kafka-" + node,
                "-cp", jar + ":" + jar.resolveSibling("lib") + "/*", "io.walletledger.deploy.kafka.LocalKafkaMain",
                nodeDir.toString(), "--cluster", cluster.toString(), "--node", Integer.toString(node))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(nodeDir.resolve("kafka.log").toFile()))
                .start();
    }

    private void awaitNodes(int expected) {
        await("Kafka cluster of " + expected + " running nodes").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
                    for (int i = 0; i < nodes.length; i++) {
                        if (nodes[i] != null && !nodes[i].isAlive() && nodes[i].exitValue() != 137
                                && nodes[i].exitValue() != 143) {
                            throw new IllegalStateException("Kafka node " + (i + 1) + " exited with "
                                    + nodes[i].exitValue() + "; see " + dir.resolve("kafka-" + (i + 1)));
                        }
                    }
                    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
                            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000))) {
                        return admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).size() >= expected;
                    }
                });
    }

    @Override
    public void close() throws InterruptedException {
        for (Process node : nodes) {
            if (node != null) {
                node.destroyForcibly();
            }
        }
        for (Process node : nodes) {
            if (node != null) {
                node.waitFor();
            }
        }
    }
}
