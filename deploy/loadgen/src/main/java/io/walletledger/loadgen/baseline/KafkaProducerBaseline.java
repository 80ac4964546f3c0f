package io.walletledger.loadgen.baseline;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Raw producer throughput of the stack's broker: Kafka's own {@code org.apache.kafka.tools.ProducerPerformance}
 * (kafka-tools), in a JVM of its own, to a scratch topic with the event topic's 12 partitions, created for it and
 * deleted after it.
 */
public final class KafkaProducerBaseline {

    static final int PARTITIONS = 12;
    private static final Pattern FINAL = Pattern.compile("(\\d+) records sent, ([0-9.]+) records/sec \\(([0-9.]+) MB/sec\\), "
            + "([0-9.]+) ms avg latency, ([0-9.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th");

    private KafkaProducerBaseline() {
    }

    public static Baseline run(String bootstrapServers, int records, int recordSize) {
        String name = "kafka-producer";
        String topic = "loadgen.scratch." + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000))) {
            try {
                admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
                admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                return Baseline.skipped(name, "no broker to measure at " + bootstrapServers + ": " + e.getMessage());
            }
            try {
                return measure(name, bootstrapServers, topic, records, recordSize);
            } finally {
                admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            return Baseline.skipped(name, "ProducerPerformance failed: " + e);
        }
    }

    private static Baseline measure(String name, String bootstrapServers, String topic, int records, int recordSize) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), "org.apache.kafka.tools.ProducerPerformance",
                "--topic", topic, "--num-records", Integer.toString(records), "--record-size",
                Integer.toString(recordSize), "--throughput", "-1", "--producer-props",
                "bootstrap.servers=" + bootstrapServers, "acks=all"));
        Processes.Result result = Processes.run(command, Map.of(), Duration.ofMinutes(5));
        Matcher last = null;
        for (Matcher m = FINAL.matcher(result.output()); m.find(); ) {
            last = FINAL.matcher(m.group());
            last.matches();
        }
        if (!result.ok() || last == null) {
            return Baseline.skipped(name, "ProducerPerformance did not finish: " + Processes.lastLines(result.output(), 3));
        }
        return Baseline.measured(name, Map.of("records", Double.parseDouble(last.group(1)),
                "recordSizeBytes", (double) recordSize, "recordsPerSecond", Double.parseDouble(last.group(2)),
                "megabytesPerSecond", Double.parseDouble(last.group(3)), "avgLatencyMs", Double.parseDouble(last.group(4)),
                "p99LatencyMs", Double.parseDouble(last.group(8))),
                "org.apache.kafka.tools.ProducerPerformance (kafka-tools), acks=all, producer defaults otherwise, "
                        + PARTITIONS + " partitions, scratch topic deleted after");
    }
}
