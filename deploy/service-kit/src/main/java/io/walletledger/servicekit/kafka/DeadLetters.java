package io.walletledger.servicekit.kafka;

import io.walletledger.envelope.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A consumer's dead letters: a record it cannot use goes to {@code <topic>.dlq} unchanged (key, value,
 * headers), with why ({@value #REASON}), where from ({@value #SOURCE}: topic-partition@offset) and, for
 * event consumers, which consumer gave up on it ({@value #CONSUMER}). The send is acknowledged before
 * the consumer moves past the record, so a record is never dropped silently (at least once).
 */
public final class DeadLetters implements AutoCloseable {

    public static final String REASON = "ledger-dlq-reason";
    public static final String SOURCE = "ledger-dlq-source";
    public static final String CONSUMER = "ledger-dlq-consumer";

    private final KafkaProducer<String, byte[]> producer;
    private final String consumer;

    public DeadLetters(String bootstrapServers, String sourceTopic, String consumer) {
        TopicProvisioner.ensure(bootstrapServers, topicFor(sourceTopic));
        this.consumer = consumer;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, consumer + "-dlq"),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** One partition, kept forever: dead letters are few and each one is a case for an operator. */
    public static NewTopic topicFor(String sourceTopic) {
        return new NewTopic(Topics.deadLetterOf(sourceTopic), Optional.of(1), Optional.empty())
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));
    }

    /** The dead letter of a record: the record as it was, with the reason and its origin in headers. */
    public static ProducerRecord<String, byte[]> of(ConsumerRecord<String, byte[]> record, String reason) {
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(Topics.deadLetterOf(record.topic()), record.key(),
                record.value());
        dead.headers().add(new RecordHeader(REASON, reason.getBytes(StandardCharsets.UTF_8)));
        dead.headers().add(new RecordHeader(SOURCE, (record.topic() + "-" + record.partition() + "@"
                + record.offset()).getBytes(StandardCharsets.UTF_8)));
        record.headers().forEach(h -> dead.headers().add(h));
        return dead;
    }

    /** Sends the record's dead letter and waits for the broker's acknowledgement. */
    public void send(ConsumerRecord<String, byte[]> record, String reason) {
        ProducerRecord<String, byte[]> dead = of(record, reason);
        dead.headers().add(new RecordHeader(CONSUMER, consumer.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(dead).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("dead letter of " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " not acknowledged", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
