package io.walletledger.command.config;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.walletledger.account.Account;
import io.walletledger.account.KycLimits;
import io.walletledger.payment.MerchantSettlement;
import io.walletledger.payment.Payment;
import io.walletledger.command.idempotency.AppendedEvents;
import io.walletledger.command.publishing.EventTopicProvisioner;
import io.walletledger.command.publishing.KafkaEventPublisher;
import io.walletledger.envelope.CatalogTypeSerializer;
import io.walletledger.envelope.LedgerJson;
import io.walletledger.servicekit.security.ApiKeyRegistry;
import io.walletledger.transfer.TransferProcess;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.lock.NullLockFactory;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * Axon inside Micronaut: JDBC event store and token store in the service's database, Jackson
 * serialization with catalog type names, the aggregates, and the streaming processor that
 * publishes every event to Kafka (its token commits with the events it published: the outbox).
 * Started when the context starts, shut down with it.
 */
@Factory
public class AxonFactory {

    @Singleton
    JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    KycLimits kycLimits(LimitsSettings settings) {
        return settings.toKycLimits();
    }

    /**
     * The API key registry is a parameter so that the ledger starts only once security has: a service
     * refusing to start (no admin key) has not started its processors or its Kafka intake by then.
     */
    @Context
    @Bean(preDestroy = "shutdown")
    Configuration axonConfiguration(JdbcTransactionManager tx, KafkaEventPublisher publisher,
                                    EventTopicProvisioner topics, KycLimits limits, AppendedEvents appended,
                                    Clock clock, @Value("${ledger.snapshots.threshold:20}") int snapshotThreshold,
                                    @Value("${ledger.publishing.batch-size:256}") int publishBatchSize,
                                    EventStoreTuning tuning, AggregateLocks aggregateLocks,
                                    ApiKeyRegistry securityStarted) {
        topics.ensureTopics();
        Serializer serializer = CatalogTypeSerializer.create();
        Serializer snapshots = JacksonSerializer.builder().objectMapper(LedgerJson.newSnapshotMapper()).build();
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureTransactionManager(c -> tx)
                .registerComponent(EventStorageEngine.class, c -> tuning.storageEngine(tx, serializer, snapshots))
                .configureEventStore(c -> tuning.eventStore(c))
                .configureAggregate(optimistic(Account.class, snapshotThreshold))
                .configureAggregate(optimistic(Payment.class, snapshotThreshold))
                .registerComponent(KycLimits.class, c -> limits);
        configurer.eventProcessing(processing -> processing
                .registerTokenStore(c -> JdbcTokenStore.builder()
                        .connectionProvider(tx).schema(EventStoreSchema.tokens()).serializer(serializer).build())
                .registerTrackingEventProcessor(KafkaEventPublisher.PROCESSING_GROUP,
                        c -> c.eventStore(),
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(publishBatchSize))
                .registerEventHandler(c -> publisher)
                .registerTrackingEventProcessor(TransferProcess.PROCESSING_GROUP,
                        c -> c.eventStore(),
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(64))
                .assignHandlerTypesMatching(TransferProcess.PROCESSING_GROUP, type -> type == TransferProcess.class)
                .registerEventHandler(c -> new TransferProcess(c.commandGateway(), clock))
                .registerTrackingEventProcessor(MerchantSettlement.PROCESSING_GROUP,
                        c -> c.eventStore(),
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(256))
                .assignHandlerTypesMatching(MerchantSettlement.PROCESSING_GROUP, type -> type == MerchantSettlement.class)
                .registerEventHandler(c -> new MerchantSettlement(c.commandGateway(), clock))
                // a failure must stop the processor (and retry the batch), never skip an event
                .registerListenerInvocationErrorHandler(KafkaEventPublisher.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(TransferProcess.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(MerchantSettlement.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance()));
        Configuration configuration = configurer.buildConfiguration();
        publisher.useHistory(configuration.eventStore());
        configuration.eventBus().registerDispatchInterceptor(appended);
        configuration.commandBus().registerHandlerInterceptor(aggregateLocks);
        configuration.start();
        return configuration;
    }

    /**
     * No Axon aggregate lock: one database transaction spans several commands (a payment moves money
     * on three aggregates), and a lock released after each command would let another writer in before
     * the commit. {@link AggregateLocks} holds one per aggregate until the transaction ends instead
     * (ADR 0021); across instances, the unique (aggregate, sequence) key is the guard, the loser gets a
     * ConcurrencyException and the whole operation is retried. A snapshot every
     * {@code snapshotThreshold} events keeps loading an aggregate cheap however long its history; it is
     * written inside the same transaction as the events it covers (a nested transaction of ours).
     */
    private static <A> AggregateConfigurer<A> optimistic(Class<A> aggregate, int snapshotThreshold) {
        return AggregateConfigurer.defaultConfiguration(aggregate)
                .configureLockFactory(c -> NullLockFactory.INSTANCE)
                .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), snapshotThreshold));
    }

    @Singleton
    CommandGateway commandGateway(Configuration configuration) {
        return configuration.commandGateway();
    }
}
