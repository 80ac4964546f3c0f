package io.walletledger.testkit;

import io.walletledger.envelope.CloudEvent;
import io.walletledger.envelope.ChainingEncoder;
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
    /** Events carry their hash chain links, as command-service publishes them. */
    private final ChainingEncoder chains = new ChainingEncoder();

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


    /** Sends without waiting; the future's metadata has the broker timestamp of the record. */
    public java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata> send(CloudEvent event) {
        return producer.send(new ProducerRecord<>(Topics.EVENTS, event.subject(), chains.encode(event)));
    }

    public void publishRaw(String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(Topics.EVENTS, key, value)).get();
    }

    @Override
    public void close() {
        producer.close();
    }
}
