package io.walletledger.projection;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.walletledger.envelope.Topics;
import io.walletledger.servicekit.kafka.KafkaSettings;
import io.walletledger.servicekit.kafka.TransactionalEventConsumer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

import javax.sql.DataSource;
import java.util.List;

/** Runs every {@link Projector} on the event topic for as long as the service runs. */
@Context
class ProjectionConsumers {

    private final List<TransactionalEventConsumer> consumers;

    ProjectionConsumers(List<Projector> projectors, KafkaSettings kafka, DataSource dataSource, MeterRegistry meters) {
        this.consumers = projectors.stream()
                .map(p -> new TransactionalEventConsumer(p.consumerGroup(), kafka.getBootstrapServers(), Topics.EVENTS,
                        dataSource, p, meters))
                .toList();
    }

    @PostConstruct
    void start() {
        consumers.forEach(TransactionalEventConsumer::start);
    }

    @PreDestroy
    void stop() {
        consumers.forEach(TransactionalEventConsumer::close);
    }
}
