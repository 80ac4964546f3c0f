package io.walletledger.command.publishing;

import io.micronaut.context.annotation.Value;
import io.walletledger.envelope.CloudEvent;
import io.walletledger.envelope.EventEnvelopeCodec;
import io.walletledger.envelope.LedgerEvent;
import io.walletledger.envelope.Topics;
import io.walletledger.servicekit.kafka.KafkaSettings;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The outbox relay: a tracking processor hands it every stored event in order; it sends each one
 * as a CloudEvent keyed by aggregate id, and before the processor commits its token (in the same
 * database as the events) it waits until Kafka acknowledged the whole batch. A crash before that
 * resends the batch: at least once, in aggregate order (idempotent producer, one partition per key).
 * Each event carries its link in its aggregate's hash chain ({@code prevchainhash}, {@code chainhash}).
 */
@Singleton
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
public class KafkaEventPublisher {

    public static final String PROCESSING_GROUP = "kafka-publisher";
    private static final String PENDING = KafkaEventPublisher.class.getName() + ".pending";

    private final Producer<String, byte[]> producer;
    private final EventEnvelopeCodec codec = new EventEnvelopeCodec();
    private final ChainHeads chain = new ChainHeads(codec);
    private final long ackTimeoutMs;

    public KafkaEventPublisher(KafkaSettings settings, @Value("${ledger.publishing.ack-timeout-ms:30000}") long ackTimeoutMs) {
        this.ackTimeoutMs = ackTimeoutMs;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.getBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.BATCH_SIZE_CONFIG, 131_072,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.CLIENT_ID_CONFIG, "command-service-publisher"),
                new StringSerializer(), new ByteArraySerializer());
    }

    @EventHandler
    public void on(LedgerEvent event, EventMessage<?> message) {
        long sequence = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : 0;
        CloudEvent cloudEvent = CloudEvent.of(message.getIdentifier(), sequence, message.getTimestamp(), event);
        EventEnvelopeCodec.Chained chained = codec.encodeChained(cloudEvent,
                chain.previous(event.aggregateId(), sequence));
        chain.advance(event.aggregateId(), sequence, chained.chainHash());
        Future<RecordMetadata> sent = producer.send(
                new ProducerRecord<>(Topics.EVENTS, event.aggregateId(), chained.bytes()));
        pendingSends().add(sent);
    }

    /** Binds the event store the hash chain is recomputed from after a restart. */
    public void useHistory(EventStore eventStore) {
        chain.useHistory(eventStore);
    }

    private List<Future<RecordMetadata>> pendingSends() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(PENDING, key -> {
            List<Future<RecordMetadata>> pending = new ArrayList<>();
            root.onPrepareCommit(uow -> awaitAcknowledged(pending));
            return pending;
        });
    }

    private void awaitAcknowledged(List<Future<RecordMetadata>> pending) {
        producer.flush();
        try {
            for (Future<RecordMetadata> send : pending) {
                send.get(ackTimeoutMs, TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge published events; the batch is retried", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing events", e);
        }
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
