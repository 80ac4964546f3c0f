package io.walletledger.testkit;

import io.walletledger.envelope.CloudEvent;
import io.walletledger.envelope.EventChain;
import io.walletledger.envelope.EventEnvelopeCodec;
import io.walletledger.envelope.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/** Writes ledger events to {@code ledger.events.v1} exactly as command-service publishes them. */
public final class EventTopic implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final EventEnvelopeCodec codec = new EventEnvelopeCodec();
    private final Map<String, String> chainHeads = new java.util.HashMap<>();

    public EventTopic(KafkaEndpoint kafka) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.EVENTS, 4, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    public void publish(CloudEvent... events) throws Exception {
        for (CloudEvent event : events) {
            send(event).get();
        }
    }

    /** The event's bytes with its link in its subject's hash chain, as command-service publishes it. */
    public synchronized byte[] chained(CloudEvent event) {
        String previous = event.sequence() == 0 ? EventChain.GENESIS
                : chainHeads.getOrDefault(event.subject(), EventChain.GENESIS);
        EventEnvelopeCodec.Chained chained = codec.encodeChained(event, previous);
        chainHeads.put(event.subject(), chained.chainHash());
        return chained.bytes();
    }

    /** Sends without waiting; the future's metadata has the broker timestamp of the record. */
    public java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata> send(CloudEvent event) {
        return producer.send(new ProducerRecord<>(Topics.EVENTS, event.subject(), chained(event)));
    }

    public void publishRaw(String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(Topics.EVENTS, key, value)).get();
    }

    @Override
    public void close() {
        producer.close();
    }
}
