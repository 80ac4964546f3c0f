package io.walletledger.loadgen.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.walletledger.envelope.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Commands as records on ledger.commands.v1 (docs/kafka-commands.md); the outcome is the result with the same
 * commandId on ledger.command-results.v1, read by one consumer that was at the topic's end before the first send.
 */
public final class KafkaTransport implements CommandTransport {

    private static final Duration RESULT_TIMEOUT = Duration.ofSeconds(60);

    private final String issuer;
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    private final Map<String, CompletableFuture<Outcome>> pending = new ConcurrentHashMap<>();
    private final Thread reader;
    private volatile boolean running = true;

    public KafkaTransport(String bootstrapServers, String issuer) {
        this.issuer = issuer;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 1,
                ProducerConfig.CLIENT_ID_CONFIG, "loadgen-commands"), new StringSerializer(), new StringSerializer());
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.CLIENT_ID_CONFIG, "loadgen-results",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10), new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.COMMAND_RESULTS, Duration.ofSeconds(30))
                .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fixes the start before any command is sent
        this.reader = Thread.ofPlatform().daemon().name("loadgen-results").start(this::readResults);
    }

    @Override
    public Outcome execute(Command command) {
        String commandId = Ids.uuid();
        CompletableFuture<Outcome> result = new CompletableFuture<>();
        pending.put(commandId, result);
        ObjectNode envelope = Command.JSON.createObjectNode().put("commandId", commandId).put("type", command.type());
        envelope.set("payload", command.payload());
        envelope.put("issuer", issuer).put("issuedAt", Instant.now().toString());
        producer.send(new ProducerRecord<>(Topics.COMMANDS, command.key(), envelope.toString()), (metadata, error) -> {
            if (error != null) {
                result.complete(Outcome.rejected(0, "transport_error"));
            }
        });
        try {
            return result.get(RESULT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Outcome.rejected(0, "timeout");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.rejected(0, "interrupted");
        } catch (ExecutionException e) {
            return Outcome.rejected(0, "transport_error");
        } finally {
            pending.remove(commandId);
        }
    }

    private void readResults() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    CompletableFuture<Outcome> waiting = record.key() == null ? null : pending.get(record.key());
                    if (waiting != null) {
                        waiting.complete(outcomeOf(record.value()));
                    }
                }
            }
        } catch (WakeupException stopping) {
            // close() woke the consumer
        } finally {
            consumer.close();
        }
    }

    private static Outcome outcomeOf(String value) {
        try {
            JsonNode result = Command.JSON.readTree(value);
            int status = result.path("httpStatus").asInt();
            if ("ACCEPTED".equals(result.path("status").asText())) {
                return Outcome.accepted(status, result.path("resource"));
            }
            return Outcome.rejected(status, Outcome.problemCode(status, result.path("problem")));
        } catch (Exception e) {
            return Outcome.rejected(0, "unreadable_result");
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }
}
