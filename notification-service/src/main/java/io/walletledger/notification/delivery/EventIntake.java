package io.walletledger.notification.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.walletledger.envelope.CloudEvent;
import io.walletledger.envelope.Topics;
import io.walletledger.notification.WebhookSettings;
import io.walletledger.notification.merchant.Merchants;
import io.walletledger.notification.merchant.NewEvents;
import io.walletledger.servicekit.kafka.ConsumedRecord;
import io.walletledger.servicekit.kafka.ConsumerRegistry;
import io.walletledger.servicekit.kafka.ConsumerSettings;
import io.walletledger.servicekit.kafka.EventApplier;
import io.walletledger.servicekit.kafka.KafkaSettings;
import io.walletledger.servicekit.kafka.TransactionalEventConsumer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Consumes every ledger event. In the same database transaction as the consumed offsets it records the
 * MERCHANT accounts opened, each event that belongs to a merchant (the live stream and the webhook
 * body) and one outbox row per subscribed endpoint; after the commit it wakes the dispatcher and the
 * live streams. Events are counted by type ({@code ledger.notification.events}).
 */
@Context
class EventIntake implements EventApplier {

    static final String CONSUMER_GROUP = "notification-service.delivery";
    private static final Logger LOG = LoggerFactory.getLogger(EventIntake.class);

    private final MeterRegistry meters;
    private final TransactionalEventConsumer consumer;
    private final NewEvents newEvents;
    private final RetrySchedule schedule;
    private final AtomicInteger haltAfterOutboxCommits;
    private int deliveriesInBatch;

    EventIntake(KafkaSettings kafka, ConsumerSettings consumerSettings, ConsumerRegistry registry,
                DataSource dataSource, MeterRegistry meters, NewEvents newEvents, WebhookSettings settings) {
        this.meters = meters;
        this.newEvents = newEvents;
        this.schedule = new RetrySchedule(settings.getRetrySchedule(), settings.getRetryJitter());
        this.haltAfterOutboxCommits = new AtomicInteger(settings.getHaltAfterOutboxCommits());
        this.consumer = new TransactionalEventConsumer(CONSUMER_GROUP, kafka.getBootstrapServers(), Topics.EVENTS,
                dataSource, this, meters, consumerSettings, this::committed);
        registry.register(consumer);
    }

    @Override
    public void beforeBatch(Connection tx) {
        deliveriesInBatch = 0;
    }

    @Override
    public void apply(Connection tx, CloudEvent event) {
        throw new UnsupportedOperationException("the intake needs the consumed record");
    }

    @Override
    public void apply(Connection tx, CloudEvent event, ConsumedRecord record) throws SQLException {
        Counter.builder("ledger.notification.events").tag("type", event.type()).register(meters).increment();
        Merchants.observe(tx, event);
        Optional<String> merchant = Merchants.ownerOf(tx, event);
        if (merchant.isPresent()) {
            Instant now = Instant.now();
            deliveriesInBatch += Outbox.record(tx, event, record, merchant.get(), schedule.first(now), now);
        }
    }

    private void committed() {
        if (deliveriesInBatch > 0 && haltAfterOutboxCommits.get() > 0
                && haltAfterOutboxCommits.decrementAndGet() == 0) {
            LOG.error("fault injection: halting after an outbox commit, before any of its {} deliveries",
                    deliveriesInBatch);
            Runtime.getRuntime().halt(137);
        }
        newEvents.announce();
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
