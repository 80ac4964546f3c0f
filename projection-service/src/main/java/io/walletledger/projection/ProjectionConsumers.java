package io.walletledger.projection;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.walletledger.envelope.Topics;
import io.walletledger.projection.query.ReadYourWrites;
import io.walletledger.servicekit.kafka.ConsumerRegistry;
import io.walletledger.servicekit.kafka.ConsumerSettings;
import io.walletledger.servicekit.kafka.KafkaSettings;
import io.walletledger.servicekit.kafka.TransactionalEventConsumer;
import io.walletledger.servicekit.kafka.VersionGuard;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

import javax.sql.DataSource;
import java.util.List;

/**
 * Runs every {@link Projector} on the event topic, each in its own consumer group with its own
 * offsets and version guard. A rebuild stops them while it switches tables, then starts new ones,
 * which resume from the offsets stored with the rebuilt rows.
 */
@Context
public class ProjectionConsumers {

    private final List<Projector> projectors;
    private final KafkaSettings kafka;
    private final ConsumerSettings settings;
    private final ConsumerRegistry registry;
    private final DataSource dataSource;
    private final MeterRegistry meters;
    private final ReadYourWrites readYourWrites;
    private List<TransactionalEventConsumer> consumers = List.of();

    ProjectionConsumers(List<Projector> projectors, KafkaSettings kafka, ConsumerSettings settings,
                        ConsumerRegistry registry, DataSource dataSource, MeterRegistry meters,
                        ReadYourWrites readYourWrites) {
        this.projectors = projectors;
        this.kafka = kafka;
        this.settings = settings;
        this.registry = registry;
        this.dataSource = dataSource;
        this.meters = meters;
        this.readYourWrites = readYourWrites;
    }

    public List<Projector> projectors() {
        return projectors;
    }

    @PostConstruct
    public synchronized void start() {
        consumers = projectors.stream()
                .map(p -> new TransactionalEventConsumer(p.consumerGroup(), kafka.getBootstrapServers(), Topics.EVENTS,
                        dataSource, new VersionGuard(p.consumerGroup(), p.applier()), meters, settings,
                        readYourWrites::signalProgress))
                .toList();
        consumers.forEach(registry::register);
        consumers.forEach(TransactionalEventConsumer::start);
    }

    @PreDestroy
    public synchronized void stop() {
        consumers.forEach(TransactionalEventConsumer::stopAsync);
        consumers.forEach(TransactionalEventConsumer::close);
        consumers.forEach(registry::unregister);
        consumers = List.of();
    }
}
