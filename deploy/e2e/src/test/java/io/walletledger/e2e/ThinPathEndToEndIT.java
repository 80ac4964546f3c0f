package io.walletledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.walletledger.envelope.Topics;
import io.walletledger.testkit.KafkaEndpoint;
import io.walletledger.testkit.PostgresDatabase;
import io.walletledger.testkit.RealServices;
import io.walletledger.testkit.TestKeys;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The thin path through the whole system, each service as its own process from its packaged jar,
 * on a real Kafka broker and real PostgreSQL (one database per service):
 * POST /v1/accounts and /v1/deposits → event store → ledger.events.v1 → account view → GET;
 * notification-service counts the same events.
 */
@ExtendWith(RealServices.class)
class ThinPathEndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern DEPOSITS_COUNTED = Pattern.compile(
            "ledger_notification_events_total\\{type=\"account.funds_deposited\"} ([0-9.]+)");

    private static KafkaEndpoint kafka;
    private static ServiceProcess commands;
    private static ServiceProcess projections;
    private static ServiceProcess notifications;

    @BeforeAll
    static void startStack(KafkaEndpoint broker, PostgresDatabase database) throws Exception {
        kafka = broker;
        Map<String, String> commandEnv = env(database.sibling("cmd"));
        // the upstream example's issuer may open accounts and deposit through ledger.commands.v1
        commandEnv.put("MICRONAUT_APPLICATION_JSON",
                "{\"ledger\":{\"intake\":{\"issuers\":{\"example-upstream\":[\"accounts:open\",\"deposits:create\"]}}}}");
        commands = ServiceProcess.start("command-service", "COMMAND_SERVICE_PORT", commandEnv);
        commands.awaitHealthy();
        projections = ServiceProcess.start("projection-service", "PROJECTION_SERVICE_PORT", env(database.sibling("proj")));
        Map<String, String> local = env(database.sibling("notif"));
        local.put("MICRONAUT_ENVIRONMENTS", "local"); // webhooks to the quickstart's receiver on loopback
        notifications = ServiceProcess.start("notification-service", "NOTIFICATION_SERVICE_PORT", local);
        projections.awaitHealthy();
        notifications.awaitHealthy();
    }

    private static Map<String, String> env(PostgresDatabase db) {
        return ServiceProcess.environment(kafka, db);
    }

    @AfterAll
    static void stopStack() throws Exception {
        ServiceProcess.closeAll(notifications, projections, commands);
    }

    @Test
    void a_deposit_flows_from_the_command_api_to_the_account_view_and_the_notification_intake() throws Exception {
        JsonNode account = JSON.readTree(post(commands.uri("/v1/accounts"),
                "{\"ownerId\":\"dora\",\"type\":\"CUSTOMER\",\"currency\":\"EUR\"}", 201));
        String id = account.get("id").asText();
        post(commands.uri("/v1/deposits"),
                "{\"accountId\":\"" + id + "\",\"amount\":1250,\"currency\":\"EUR\",\"method\":\"CARD\"}", 201);

        await().atMost(Duration.ofSeconds(30)).until(() -> balance(id) == 1250);
        JsonNode view = JSON.readTree(get(projections.uri("/v1/accounts/" + id)).body());
        assertThat(view.at("/available/amount").asLong()).isEqualTo(1250);
        assertThat(view.get("ownerId").asText()).isEqualTo("dora");
        await().atMost(Duration.ofSeconds(30)).until(() -> depositsCounted() >= 1);

        List<JsonNode> envelopes = envelopesKeyed(id, 2);
        assertThat(envelopes).extracting(e -> e.get("type").asText())
                .containsExactly("account.opened", "account.funds_deposited");
        assertThat(envelopes).allSatisfy(e -> {
            assertThat(e.get("specversion").asText()).isEqualTo("1.0");
            assertThat(e.get("subject").asText()).isEqualTo(id);
            assertThat(e.get("id").asText()).isNotBlank();
            assertThat(e.get("time").asText()).isNotBlank();
        });
        assertThat(envelopes.get(1).at("/data/amount/amount").asLong()).isEqualTo(1250);
    }

    @Test
    void the_upstream_example_publishes_commands_to_kafka_and_reads_every_result() throws Exception {
        io.walletledger.examples.UpstreamCommandsExample.Summary summary =
                io.walletledger.examples.UpstreamCommandsExample.run(kafka.bootstrapServers(), 50);
        assertThat(summary.accepted()).isEqualTo(50);
        assertThat(summary.rejected()).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> balance(summary.accountId()) == 50 * 100);
    }

    @Test
    void the_merchant_quickstart_takes_a_payment_to_a_partial_refund_and_verifies_its_webhooks() throws Exception {
        String merchant = JSON.readTree(post(commands.uri("/v1/accounts"),
                "{\"ownerId\":\"coffee-shop\",\"type\":\"MERCHANT\",\"currency\":\"EUR\"}", 201)).get("id").asText();
        String customer = JSON.readTree(post(commands.uri("/v1/accounts"),
                "{\"ownerId\":\"erin\",\"type\":\"CUSTOMER\",\"currency\":\"EUR\"}", 201)).get("id").asText();
        post(commands.uri("/v1/deposits"),
                "{\"accountId\":\"" + customer + "\",\"amount\":10000,\"currency\":\"EUR\",\"method\":\"CARD\"}", 201);
        String notificationApi = notifications.uri("").toString();
        await().atMost(Duration.ofSeconds(30)).until(() -> get(
                notifications.uri("/v1/webhook-endpoints?merchantAccountId=" + merchant)).statusCode() == 200);
        String merchantKey = JSON.readTree(post(commands.uri("/v1/api-keys"),
                "{\"role\":\"MERCHANT\",\"merchantAccountId\":\"" + merchant + "\"}", 201)).get("key").asText();
        String walletAppKey = JSON.readTree(post(commands.uri("/v1/api-keys"),
                "{\"role\":\"SERVICE\",\"grants\":[\"payments:authorize\"],\"description\":\"wallet app\"}", 201))
                .get("key").asText();

        try (io.walletledger.examples.MerchantQuickstart quickstart = await().atMost(Duration.ofSeconds(60))
                .ignoreExceptionsMatching(e -> e.getMessage() != null && e.getMessage().contains("unknown_merchant"))
                .until(() -> io.walletledger.examples.MerchantQuickstart.start(commands.uri("").toString(),
                        notificationApi, merchant, merchantKey, walletAppKey), q -> true)) {
            String payment = quickstart.pay(customer);
            JsonNode refunded = await().atMost(Duration.ofSeconds(30))
                    .ignoreExceptionsMatching(e -> e.getMessage() != null && e.getMessage().contains("insufficient_funds"))
                    .until(() -> quickstart.refund(payment), r -> true);
            assertThat(refunded.get("status").asText()).isEqualTo("PARTIALLY_REFUNDED");
            await().atMost(Duration.ofSeconds(30)).until(() -> quickstart.verifiedWebhooks().size() == 2);
            assertThat(quickstart.verifiedWebhooks()).containsExactly("payment.captured", "payment.refunded");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> balance(customer) == 10000 - 4000 + 1500);
        assertThat(io.walletledger.examples.MerchantQuickstart.verify("whsec_" + java.util.Base64.getEncoder()
                .encodeToString(new byte[32]), "msg_1", Long.toString(java.time.Instant.now().getEpochSecond()),
                "v1,AAAA", "{}")).as("a wrong signature does not verify").isFalse();
    }

    private static String post(URI uri, String json, int expectedStatus) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri)
                .header("Authorization", TestKeys.adminBearer())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return response.body();
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).header("Authorization", TestKeys.adminBearer()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long balance(String id) throws Exception {
        HttpResponse<String> response = get(projections.uri("/v1/accounts/" + id));
        return response.statusCode() == 200 ? JSON.readTree(response.body()).at("/balance/amount").asLong() : -1;
    }

    private static double depositsCounted() throws Exception {
        Matcher m = DEPOSITS_COUNTED.matcher(get(notifications.uri("/prometheus")).body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static List<JsonNode> envelopesKeyed(String key, int expected) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + key,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of(Topics.EVENTS));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        found.add(JSON.readTree(r.value()));
                    }
                }
                return found.size() >= expected;
            });
        }
        return found;
    }
}
