package io.walletledger.projection.accountview;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.walletledger.envelope.Topics;
import io.walletledger.servicekit.kafka.KafkaSettings;
import io.walletledger.servicekit.kafka.TransactionalEventConsumer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

import javax.sql.DataSource;

/** Runs the account view projector on {@code ledger.events.v1} for as long as the service runs. */
@Context
class AccountViewConsumer {

    static final String CONSUMER_GROUP = "projection-service.account-view";

    private final TransactionalEventConsumer consumer;

    AccountViewConsumer(KafkaSettings kafka, DataSource dataSource, AccountViewProjector projector,
                        MeterRegistry meters) {
        this.consumer = new TransactionalEventConsumer(CONSUMER_GROUP, kafka.getBootstrapServers(), Topics.EVENTS,
                dataSource, projector, meters);
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
