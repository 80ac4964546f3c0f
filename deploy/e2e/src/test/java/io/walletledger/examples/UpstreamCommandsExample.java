package io.walletledger.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An upstream service publishing commands to Wallet Ledger over Kafka and reading their outcomes,
 * with nothing but kafka-clients and Jackson. Usage: {@code UpstreamCommandsExample <bootstrap> [deposits]}.
 * It opens an account, publishes that many deposits to it (keyed by the account, so they keep their
 * order), and waits for every result on ledger.command-results.v1.
 */
public final class UpstreamCommandsExample {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the run saw: results by status, and the rate from first send to last result. */
    public record Summary(String accountId, int accepted, int rejected, double commandsPerSecond) {
    }

    public static void main(String[] args) throws Exception {
        Summary summary = run(args[0], args.length > 1 ? Integer.parseInt(args[1]) : 100);
        System.out.printf("account %s: %d accepted, %d rejected, %.0f commands/s%n", summary.accountId(),
                summary.accepted(), summary.rejected(), summary.commandsPerSecond());
    }

    public static Summary run(String bootstrap, int deposits) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new StringSerializer());
             KafkaConsumer<String, String> results = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                     ConsumerConfig.GROUP_ID_CONFIG, "example-" + UUID.randomUUID(),
                     ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(), new StringDeserializer())) {
            results.subscribe(List.of("ledger.command-results.v1"));
            while (results.assignment().isEmpty()) {
                results.poll(Duration.ofMillis(100));
            }
            String open = send(producer, "account.open", null,
                    "{\"ownerId\":\"example\",\"type\":\"CUSTOMER\",\"currency\":\"EUR\",\"kycTier\":3}");
            String accountId = await(results, Set.of(open)).get(open).at("/resource/id").asText();

            long started = System.nanoTime();
            Set<String> pending = new HashSet<>();
            for (int i = 0; i < deposits; i++) {
                pending.add(send(producer, "deposit", accountId, "{\"accountId\":\"" + accountId
                        + "\",\"amount\":100,\"currency\":\"EUR\",\"method\":\"CARD\",\"reference\":\"example-" + i + "\"}"));
            }
            producer.flush();
            Map<String, JsonNode> outcomes = await(results, pending);
            double seconds = (System.nanoTime() - started) / 1e9;
            int accepted = (int) outcomes.values().stream().filter(r -> r.get("status").asText().equals("ACCEPTED")).count();
            return new Summary(accountId, accepted, outcomes.size() - accepted, deposits / seconds);
        }
    }

    private static String send(KafkaProducer<String, String> producer, String type, String key, String payload) {
        String commandId = UUID.randomUUID().toString();
        producer.send(new ProducerRecord<>("ledger.commands.v1", key, "{\"commandId\":\"" + commandId + "\",\"type\":\""
                + type + "\",\"payload\":" + payload + ",\"issuer\":\"example-upstream\",\"issuedAt\":\"" + Instant.now() + "\"}"));
        return commandId;
    }

    private static Map<String, JsonNode> await(KafkaConsumer<String, String> results, Set<String> expected)
            throws Exception {
        Map<String, JsonNode> found = new HashMap<>();
        long deadline = System.currentTimeMillis() + 120_000;
        while (found.size() < expected.size()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("only " + found.size() + " of " + expected.size() + " results arrived");
            }
            for (ConsumerRecord<String, String> r : results.poll(Duration.ofMillis(200))) {
                if (expected.contains(r.key())) {
                    found.put(r.key(), JSON.readTree(r.value()));
                }
            }
        }
        return found;
    }
}
