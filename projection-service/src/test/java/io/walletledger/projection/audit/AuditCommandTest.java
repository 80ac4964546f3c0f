package io.walletledger.projection.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.walletledger.envelope.CloudEvent;
import io.walletledger.envelope.Topics;
import io.walletledger.projection.TestApiKeys;
import io.walletledger.servicekit.security.Role;
import io.walletledger.testkit.EventTopic;
import io.walletledger.testkit.KafkaEndpoint;
import io.walletledger.testkit.PostgresDatabase;
import io.walletledger.testkit.RealServices;
import io.walletledger.testkit.ServiceProperties;
import io.walletledger.testkit.TestKeys;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The audit command against a real broker: exit status and report on a clean and a corrupted topic,
 * and, on the live event topic, reconciliation with a running projection-service and as-of exports
 * equal to its point-in-time balances.
 */
@ExtendWith(RealServices.class)
class AuditCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    private int audit(String... args) {
        return audit(Map.of(), args);
    }

    private int audit(Map<String, String> environment, String... args) {
        return new CommandLine(new AuditCommand(new PrintStream(output, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()), environment)).execute(args);
    }

    private static String mint(EmbeddedServer server, Role role, List<String> grants) {
        return TestApiKeys.of(server.getApplicationContext()).mint(role, null, grants).plaintext();
    }

    private static String topicWith(KafkaEndpoint kafka, List<byte[]> records) throws Exception {
        String topic = TestTopics.create(kafka, "audit-test", 3);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(),
                new ByteArraySerializer())) {
            for (byte[] record : records) {
                producer.send(new ProducerRecord<>(topic, JSON.readTree(record).get("subject").asText(), record)).get();
            }
        }
        return topic;
    }

    @Test
    void a_clean_history_exits_0_and_a_tampered_one_exits_1_naming_the_event(KafkaEndpoint kafka, @TempDir Path dir)
            throws Exception {
        ChainedHistory h = ChainedHistory.clean();
        String clean = topicWith(kafka, h.records());
        int status = audit("--bootstrap-servers", kafka.bootstrapServers(), "--topic", clean, "--no-reconcile",
                "--quiet", "--report", dir.resolve("clean.json").toString());
        assertThat(status).as(output.toString()).isZero();
        JsonNode report = JSON.readTree(dir.resolve("clean.json").toFile());
        assertThat(report.get("passed").asBoolean()).isTrue();
        assertThat(report.get("eventsRead").asLong()).isEqualTo(h.events.size());
        assertThat(report.at("/totals/0/sum").asLong()).isZero();
        assertThat(output.toString()).contains("no violation");

        List<byte[]> records = h.records();
        com.fasterxml.jackson.databind.node.ObjectNode deposit = ChainedHistory.tree(records.get(3));
        ((com.fasterxml.jackson.databind.node.ObjectNode) deposit.at("/data/amount")).put("amount", 99_999);
        records.set(3, ChainedHistory.bytes(deposit));
        String tampered = topicWith(kafka, records);
        status = audit("--bootstrap-servers", kafka.bootstrapServers(), "--topic", tampered, "--no-reconcile",
                "--quiet", "--report", dir.resolve("tampered.json").toString());
        assertThat(status).isEqualTo(1);
        JsonNode bad = JSON.readTree(dir.resolve("tampered.json").toFile());
        assertThat(bad.get("passed").asBoolean()).isFalse();
        assertThat(bad.at("/violationCounts/TAMPERED_EVENT").asLong()).isEqualTo(1);
        assertThat(bad.at("/violations/0/eventIds/0").asText()).isEqualTo(h.events.get(3).id());
        assertThat(output.toString()).contains("VIOLATIONS", "TAMPERED_EVENT");
    }

    @Test
    void it_reconciles_with_projection_service_and_exports_as_of_equal_to_its_point_in_time_balances(
            KafkaEndpoint kafka, PostgresDatabase db, @TempDir Path dir) throws Exception {
        ChainedHistory h = ChainedHistory.clean();
        try (EventTopic topic = new EventTopic(kafka);
             EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, ServiceProperties.of(kafka, db))) {
            topic.publish(h.events.toArray(CloudEvent[]::new));
            HttpClient http = HttpClient.newHttpClient();
            await().atMost(Duration.ofSeconds(60)).until(() -> balance(http, server, h.alice, null) == 6_500
                    && balance(http, server, h.shop, null) == 1_425);

            String auditorKey = mint(server, Role.AUDITOR, List.of());
            int status = audit("--bootstrap-servers", kafka.bootstrapServers(), "--topic", Topics.EVENTS,
                    "--projection-url", server.getURL().toString(), "--api-key", auditorKey, "--quiet",
                    "--report", dir.resolve("live.json").toString());
            JsonNode live = JSON.readTree(dir.resolve("live.json").toFile());
            assertThat(live.at("/reconciliation/differences")).as(output.toString()).isEmpty();
            assertThat(live.at("/reconciliation/accountsChecked").asInt()).isGreaterThanOrEqualTo(5);
            assertThat(live.get("violations").findValuesAsText("aggregateId"))
                    .doesNotContain(h.alice, h.bob, h.shop, h.payment);
            assertThat(status).isIn(0, 1); // other test classes' synthetic events share this topic

            Instant asOf = h.events.get(9).data().occurredAt(); // after the hold on alice, before its capture
            audit(Map.of("LEDGER_API_KEY", auditorKey), "--bootstrap-servers", kafka.bootstrapServers(),
                    "--projection-url", server.getURL().toString(), "--quiet", "--as-of", asOf.toString(), "--report", dir.resolve("asof.json").toString(),
                    "--export-dir", dir.resolve("export").toString());
            JsonNode asOfReport = JSON.readTree(dir.resolve("asof.json").toFile());
            assertThat(asOfReport.at("/reconciliation/differences")).as(output.toString()).isEmpty();
            List<String> balances = Files.readAllLines(dir.resolve("export/balances.csv"));
            assertThat(balances.get(0)).isEqualTo("accountId,type,currency,status,balance,held,available,asOf");
            for (String account : List.of(h.alice, h.bob, h.shop)) {
                String row = balances.stream().filter(l -> l.startsWith(account + ",")).findFirst().orElseThrow();
                String[] cells = row.split(",");
                assertThat(Long.parseLong(cells[4])).as(account).isEqualTo(balance(http, server, account, asOf));
            }
            assertThat(balances.stream().filter(l -> l.startsWith(h.alice + ",")).findFirst().orElseThrow())
                    .contains(",8000,3000,5000,");
            List<String> statements = Files.readAllLines(dir.resolve("export/statements.jsonl"));
            assertThat(statements.stream().filter(l -> l.contains(h.alice))).hasSizeGreaterThanOrEqualTo(3);
            assertThat(Files.readAllLines(dir.resolve("export/balances.jsonl"))).hasSize(balances.size() - 1);
        }
    }

    @Test
    void a_missing_or_refused_api_key_is_reported_before_the_replay_with_exit_status_2(
            KafkaEndpoint kafka, PostgresDatabase db, @TempDir Path dir) throws Exception {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, ServiceProperties.of(kafka, db))) {
            String url = server.getURL().toString();
            String[] common = {"--bootstrap-servers", kafka.bootstrapServers(), "--projection-url", url, "--quiet",
                    "--report", dir.resolve("refused.json").toString()};

            assertThat(audit(common)).as(output.toString()).isEqualTo(2);
            assertThat(output.toString()).contains("no API key", "--api-key", "LEDGER_API_KEY", "--no-reconcile");

            output.reset();
            assertThat(audit(Map.of("LEDGER_ADMIN_KEY", "wl_test_not_a_real_key"), common)).isEqualTo(2);
            assertThat(output.toString()).contains("HTTP 401 invalid_api_key", "--api-key");

            output.reset();
            String readsPaymentsOnly = mint(server, Role.SERVICE, List.of("payments:read"));
            assertThat(audit(Map.of("LEDGER_API_KEY", readsPaymentsOnly), common)).isEqualTo(2);
            assertThat(output.toString()).contains("HTTP 403 forbidden", "accounts:read");
            assertThat(dir.resolve("refused.json")).as("no report: nothing was audited").doesNotExist();
        }
    }

    private static long balance(HttpClient http, EmbeddedServer server, String account, Instant at) throws Exception {
        String path = "/v1/accounts/" + account + (at == null ? "" : "/balance?at=" + at);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + path))
                        .header("Authorization", TestKeys.adminBearer()).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()).at("/balance/amount").asLong() : -1;
    }
}
