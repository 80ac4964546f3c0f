package io.walletledger.testkit;

import io.walletledger.deploy.kafka.LocalKafkaBroker;
import org.testcontainers.kafka.KafkaContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resolves the broker for a test run: {@code LEDGER_TEST_KAFKA_BOOTSTRAP_SERVERS} first, then a
 * Testcontainers broker when a Docker engine is present, else the same local KRaft broker that
 * {@code deploy/local/run.sh} runs, started in this JVM.
 */
final class KafkaProvider implements AutoCloseable {

    static final String ENV = "LEDGER_TEST_KAFKA_BOOTSTRAP_SERVERS";
    private static final String IMAGE = "apache/kafka:4.3.1";

    private final KafkaEndpoint endpoint;
    private final AutoCloseable owned;

    private KafkaProvider(KafkaEndpoint endpoint, AutoCloseable owned) {
        this.endpoint = endpoint;
        this.owned = owned;
    }

    static KafkaProvider resolve() {
        String given = System.getenv(ENV);
        if (given != null && !given.isBlank()) {
            return new KafkaProvider(new KafkaEndpoint(given.trim(), "environment " + ENV), () -> { });
        }
        if (Docker.usable()) {
            KafkaContainer container = new KafkaContainer(IMAGE);
            container.start();
            return new KafkaProvider(new KafkaEndpoint(container.getBootstrapServers(), "testcontainers " + IMAGE),
                    container::stop);
        }
        try {
            Path dir = Files.createTempDirectory("ledger-test-kafka");
            LocalKafkaBroker broker = LocalKafkaBroker.start(dir, 0, 0);
            return new KafkaProvider(new KafkaEndpoint(broker.bootstrapServers(), "local KRaft broker in " + dir), broker);
        } catch (IOException | RuntimeException e) {
            throw new ServiceUnavailable("no Kafka broker for the tests: set " + ENV
                    + ", or run where a Docker engine or the local broker can start", e);
        }
    }

    KafkaEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws Exception {
        owned.close();
    }
}
