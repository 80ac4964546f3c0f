package io.walletledger.servicekit.kafka;

import io.micronaut.context.annotation.ConfigurationProperties;

/** {@code ledger.kafka.*}: where the broker is and how the service's topics are created. */
@ConfigurationProperties("ledger.kafka")
public class KafkaSettings {

    private String bootstrapServers = "127.0.0.1:9092";
    private int eventsTopicPartitions = 12;

    public String getBootstrapServers() {
        return bootstrapServers;
    }

    public void setBootstrapServers(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public int getEventsTopicPartitions() {
        return eventsTopicPartitions;
    }

    public void setEventsTopicPartitions(int eventsTopicPartitions) {
        this.eventsTopicPartitions = eventsTopicPartitions;
    }
}
