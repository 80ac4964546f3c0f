package io.walletledger.deploy.kafka;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs {@link LocalKafkaBroker} as its own process until SIGTERM or Ctrl-C.
 * Usage: {@code LocalKafkaMain <data-dir> [broker-port] [controller-port]}; ports default to the
 * environment variables KAFKA_PORT and KAFKA_CONTROLLER_PORT, then 9092 and 9093.
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
        int port = args.length > 1 ? Integer.parseInt(args[1]) : envInt("KAFKA_PORT", 9092);
        int controllerPort = args.length > 2 ? Integer.parseInt(args[2]) : envInt("KAFKA_CONTROLLER_PORT", 9093);
        LocalKafkaBroker broker = LocalKafkaBroker.start(dataDir, port, controllerPort);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "kafka-shutdown"));
        System.out.println("Kafka broker (KRaft) ready on " + broker.bootstrapServers() + ", data in " + dataDir);
        stopped.await();
    }

    private static int envInt(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
