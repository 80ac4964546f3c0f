package io.walletledger.command.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.walletledger.envelope.Topics;
import io.walletledger.testkit.KafkaEndpoint;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** An upstream service's view: commands in, results (and dead letters) out, on the real broker. */
final class CommandTopics implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The issuer of the commands sent here, unless another is named. */
    static final String ISSUER = "test-upstream";
    /** Every permission a command type needs. */
    static final List<String> ALL_COMMANDS = java.util.Arrays.stream(CommandType.values())
            .map(t -> t.permission().wireName()).distinct().toList();
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, byte[]> results;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    CommandTopics(KafkaEndpoint kafka) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new StringSerializer());
        results = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-results-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        results.subscribe(Set.of(Topics.COMMAND_RESULTS, Topics.deadLetterOf(Topics.COMMANDS)));
    }

    private final Map<String, String> commandIdByResource = new java.util.HashMap<>();

    /** The service configuration that lets {@link #ISSUER} send every command type. */
    static Map<String, Object> issuerAllowedEverything() {
        return Map.of("ledger.intake.issuers." + ISSUER, ALL_COMMANDS);
    }

    String send(String type, String key, String payload) throws Exception {
        String commandId = "cmd-" + UUID.randomUUID();
        sendAs(commandId, type, key, payload);
        return commandId;
    }

    /** The commandId whose first result created the resource with this id. */
    String resultKeyOf(String resourceId) {
        return commandIdByResource.get(resourceId);
    }

    void sendAs(String commandId, String type, String key, String payload) throws Exception {
        sendFrom(ISSUER, commandId, type, key, payload);
    }

    void sendFrom(String issuer, String commandId, String type, String key, String payload) throws Exception {
        sendRaw(key, "{\"commandId\":\"" + commandId + "\",\"type\":\"" + type + "\",\"payload\":" + payload
                + ",\"issuer\":\"" + issuer + "\",\"issuedAt\":\"" + Instant.now() + "\"}");
    }

    void sendRaw(String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(io.walletledger.envelope.Topics.COMMANDS, key, value)).get();
    }

    /** Every result published for the command, in order, waiting until there are at least {@code count}. */
    List<JsonNode> results(String commandId, int count) {
        List<JsonNode> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            poll();
            found.clear();
            for (ConsumerRecord<String, byte[]> r : seen) {
                if (r.topic().equals(Topics.COMMAND_RESULTS) && commandId.equals(r.key())) {
                    JsonNode result = JSON.readTree(r.value());
                    found.add(result);
                    if (result.at("/resource/id").isTextual()) {
                        commandIdByResource.putIfAbsent(result.at("/resource/id").asText(), commandId);
                    }
                }
            }
            return found.size() >= count;
        });
        return found;
    }

    JsonNode result(String commandId) {
        return results(commandId, 1).get(0);
    }

    /** The dead letter whose value contains the marker, with its reason header. */
    String deadLetterReason(String marker) {
        String[] reason = new String[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            poll();
            for (ConsumerRecord<String, byte[]> r : seen) {
                if (r.topic().endsWith(".dlq") && new String(r.value(), StandardCharsets.UTF_8).contains(marker)) {
                    reason[0] = new String(r.headers().lastHeader(CommandHandler.DLQ_REASON).value(), StandardCharsets.UTF_8);
                    return true;
                }
            }
            return false;
        });
        return reason[0];
    }

    private void poll() {
        results.poll(Duration.ofMillis(200)).forEach(seen::add);
    }

    @Override
    public void close() {
        producer.close();
        results.close();
    }
}
