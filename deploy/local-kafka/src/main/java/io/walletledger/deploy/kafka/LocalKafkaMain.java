package io.walletledger.deploy.kafka;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs {@link LocalKafkaBroker} as its own process until SIGTERM or Ctrl-C.
 * Usage: {@code LocalKafkaMain <data-dir> [broker-port] [controller-port]}; ports default to the
 * environment variables KAFKA_PORT and KAFKA_CONTROLLER_PORT, then 9092 and 9093.
 * One node of a cluster on loopback: {@code LocalKafkaMain <data-dir> --cluster <spec> --node <id>
 * [--replication <factor>]}, the spec as {@link LocalKafkaBroker.Cluster#toString()} gives it
 * ({@code <cluster id>/<broker port>:<controller port>,…}); the replication factor defaults to
 * the number of nodes, up to 3.
 */
public final class LocalKafkaMain {

    private LocalKafkaMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1) {
            System.err.println("usage: LocalKafkaMain <data-dir> [broker-port] [controller-port]");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]);
        LocalKafkaBroker broker;
        if (args.length > 1 && args[1].equals("--cluster")) {
            LocalKafkaBroker.Cluster cluster = LocalKafkaBroker.Cluster.parse(args[2]);
            int node = Integer.parseInt(option(args, "--node", null));
            int replication = Integer.parseInt(option(args, "--replication", Integer.toString(Math.min(3, cluster.size()))));
            broker = LocalKafkaBroker.startNode(dataDir, cluster, node, replication);
        } else {
            int port = args.length > 1 ? Integer.parseInt(args[1]) : envInt("KAFKA_PORT", 9092);
            int controllerPort = args.length > 2 ? Integer.parseInt(args[2]) : envInt("KAFKA_CONTROLLER_PORT", 9093);
            broker = LocalKafkaBroker.start(dataDir, port, controllerPort);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "kafka-shutdown"));
        System.out.println("Kafka broker (KRaft) ready on " + broker.bootstrapServers() + ", data in " + dataDir);
        stopped.await();
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 1; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        if (fallback == null) {
            throw new IllegalArgumentException("missing " + name);
        }
        return fallback;
    }

    private static int envInt(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
