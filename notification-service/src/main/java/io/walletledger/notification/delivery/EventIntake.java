package io.walletledger.notification.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.walletledger.envelope.CloudEvent;
import io.walletledger.envelope.Topics;
import io.walletledger.servicekit.kafka.ConsumerRegistry;
import io.walletledger.servicekit.kafka.ConsumerSettings;
import io.walletledger.servicekit.kafka.KafkaSettings;
import io.walletledger.servicekit.kafka.TransactionalEventConsumer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

import javax.sql.DataSource;
import java.sql.Connection;

/**
 * Consumes every ledger event for notification. Today it counts them by type
 * ({@code ledger.notification.events}); webhook outbox rows will be written in the same transaction
 * as the consumed offsets.
 */
@Context
class EventIntake {

    static final String CONSUMER_GROUP = "notification-service.delivery";

    private final MeterRegistry meters;
    private final TransactionalEventConsumer consumer;

    EventIntake(KafkaSettings kafka, ConsumerSettings settings, ConsumerRegistry registry, DataSource dataSource,
                MeterRegistry meters) {
        this.meters = meters;
        this.consumer = new TransactionalEventConsumer(CONSUMER_GROUP, kafka.getBootstrapServers(), Topics.EVENTS,
                dataSource, this::accept, meters, settings, () -> { });
        registry.register(consumer);
    }

    private void accept(Connection tx, CloudEvent event) {
        Counter.builder("ledger.notification.events").tag("type", event.type()).register(meters).increment();
    }

    @PostConstruct
    void start() {
        consumer.start();
    }

    @PreDestroy
    void stop() {
        consumer.close();
    }
}
