package io.walletledger.testkit;

/** A running Kafka broker for a test run; {@code origin} says how it was obtained. */
public record KafkaEndpoint(String bootstrapServers, String origin) {
}
