package io.walletledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.walletledger.testkit.KafkaEndpoint;
import io.walletledger.testkit.PostgresDatabase;
import io.walletledger.testkit.RealServices;
import io.walletledger.testkit.TestKeys;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Security across the three services, each its own process from its packaged jar: keys minted by
 * command-service are honoured by the other two, a revocation reaches them, a merchant sees only its
 * own data everywhere; and every secret the run created (API keys, the admin key, webhook signing
 * secrets, a TOTP seed, the secrets-at-rest key) appears in none of the processes' logs (debug level
 * for the ledger's own code), metrics, the records of any Kafka topic, or error responses.
 */
@ExtendWith(RealServices.class)
class SecurityEndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static KafkaEndpoint kafka;
    private static ServiceProcess commands;
    private static ServiceProcess projections;
    private static ServiceProcess notifications;

    /** Every secret created in this run, by what it is. */
    private final Map<String, String> secrets = new LinkedHashMap<>();
    /** Every response body of a refused request: errors must not echo a secret either. */
    private final List<String> refusals = new ArrayList<>();

    @BeforeAll
    static void startStack(KafkaEndpoint broker, PostgresDatabase database) throws Exception {
        kafka = broker;
        commands = ServiceProcess.start("command-service", "COMMAND_SERVICE_PORT", env(database.sibling("sec_cmd")));
        projections = ServiceProcess.start("projection-service", "PROJECTION_SERVICE_PORT",
                env(database.sibling("sec_proj")));
        Map<String, String> local = env(database.sibling("sec_notif"));
        local.put("MICRONAUT_ENVIRONMENTS", "local"); // a webhook endpoint on loopback
        notifications = ServiceProcess.start("notification-service", "NOTIFICATION_SERVICE_PORT", local);
        commands.awaitHealthy();
        projections.awaitHealthy();
        notifications.awaitHealthy();
    }

    private static Map<String, String> env(PostgresDatabase db) {
        Map<String, String> env = ServiceProcess.environment(kafka, db);
        env.put("LOGGER_LEVELS_IO_WALLETLEDGER", "DEBUG");
        return env;
    }

    @AfterAll
    static void stopStack() throws Exception {
        ServiceProcess.closeAll(notifications, projections, commands);
    }

    @Test
    void keys_work_across_services_revocation_reaches_them_all_and_no_secret_leaks() throws Exception {
        secrets.put("admin key", TestKeys.ADMIN);
        secrets.put("secrets-at-rest key", TestKeys.SECRETS_KEY);
        String admin = TestKeys.ADMIN;
        String merchant = id(call(commands, admin, "POST", "/v1/accounts",
                "{\"ownerId\":\"sec-shop\",\"type\":\"MERCHANT\",\"currency\":\"EUR\"}", 201));
        String customer = id(call(commands, admin, "POST", "/v1/accounts",
                "{\"ownerId\":\"sec-customer\",\"type\":\"CUSTOMER\",\"currency\":\"EUR\"}", 201));
        String merchantKey = mint("{\"role\":\"MERCHANT\",\"merchantAccountId\":\"" + merchant + "\"}", "merchant key");
        String walletKey = mint("{\"role\":\"SERVICE\",\"grants\":[\"payments:authorize\",\"accounts:manage\"]}",
                "service key");
        String auditorKey = mint("{\"role\":\"AUDITOR\"}", "auditor key");

        String otpauth = call(commands, walletKey, "POST", "/v1/accounts/" + customer + "/second-factor", "{}", 201)
                .get("otpauthUri").asText();
        secrets.put("TOTP seed", URLDecoder.decode(otpauth.replaceAll(".*[?&]secret=([^&]*).*", "$1"),
                StandardCharsets.UTF_8));

        String endpointBody = "{\"merchantAccountId\":\"" + merchant + "\",\"url\":\"http://127.0.0.1:9/hooks\","
                + "\"eventTypes\":[\"payment.captured\"]}";
        // 422 unknown_merchant until notification-service has read the merchant's account.opened
        JsonNode registered = JSON.readTree(await().atMost(Duration.ofSeconds(30)).until(
                () -> send(notifications, merchantKey, "POST", "/v1/webhook-endpoints", endpointBody),
                r -> r.statusCode() == 201).body());
        secrets.put("webhook signing secret", registered.get("secret").asText());
        String endpointId = registered.get("id").asText();
        secrets.put("rotated webhook signing secret", call(notifications, merchantKey, "POST",
                "/v1/webhook-endpoints/" + endpointId + "/rotate-secret", "{}", 200).get("secret").asText());

        // one key, three services: the merchant's own data, and nobody else's
        await().atMost(Duration.ofSeconds(30)).until(() -> status(projections, merchantKey, "/v1/accounts/" + merchant) == 200);
        assertThat(status(projections, merchantKey, "/v1/accounts/" + customer)).isEqualTo(404);
        assertThat(status(projections, auditorKey, "/v1/accounts/" + customer)).isEqualTo(200);
        assertThat(status(notifications, merchantKey, "/v1/webhook-endpoints/" + endpointId)).isEqualTo(200);
        refused(commands, merchantKey.substring(0, merchantKey.length() - 1) + "a", "/v1/api-keys", 401);
        refused(projections, merchantKey + "x", "/v1/accounts/" + merchant, 401);
        refused(notifications, "Basic " + merchantKey, "/v1/webhook-endpoints/" + endpointId, 401);
        refused(commands, walletKey, "/v1/api-keys", 403);

        call(commands, admin, "POST", "/v1/api-keys/" + keyId(merchantKey) + "/revoke", "{}", 200);
        assertThat(status(commands, merchantKey, "/v1/api-keys")).as("revoked: refused at once where revoked").isEqualTo(401);
        long revokedAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(5)).until(() -> status(projections, merchantKey, "/v1/accounts/" + merchant) == 401
                && status(notifications, merchantKey, "/v1/webhook-endpoints/" + endpointId) == 401);
        System.out.printf("revocation reached projection- and notification-service within %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - revokedAt));

        assertNoSecretIn("responses to refused requests", String.join("\n", refusals));
        for (ServiceProcess service : List.of(commands, projections, notifications)) {
            assertNoSecretIn(service + " /prometheus", send(service, admin, "GET", "/prometheus", null).body());
            assertNoSecretIn(service + " log", service.log());
        }
        assertNoSecretIn("GET /v1/api-keys", send(commands, admin, "GET", "/v1/api-keys?includeRevoked=true", null).body());
        assertNoSecretIn("GET /v1/webhook-endpoints/" + endpointId,
                send(notifications, admin, "GET", "/v1/webhook-endpoints/" + endpointId, null).body());
        for (Map.Entry<String, String> topic : everyTopicsRecords().entrySet()) {
            assertNoSecretIn("topic " + topic.getKey(), topic.getValue());
        }
        assertThat(commands.log()).as("the services logged while the test ran").contains("Startup completed");
    }

    private String mint(String body, String what) throws Exception {
        String key = call(commands, TestKeys.ADMIN, "POST", "/v1/api-keys", body, 201).get("key").asText();
        assertThat(key).startsWith("wl_test_");
        secrets.put(what, key);
        return key;
    }

    private static String keyId(String key) {
        return "key_" + key.substring("wl_test_".length(), "wl_test_".length() + 16);
    }

    private void refused(ServiceProcess service, String key, String path, int expected) throws Exception {
        HttpResponse<String> response = key.startsWith("Basic ")
                ? HTTP.send(HttpRequest.newBuilder(service.uri(path)).header("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString((key.substring(6) + "0:").getBytes())).build(),
                HttpResponse.BodyHandlers.ofString())
                : send(service, key, "GET", path, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        refusals.add(response.body());
    }

    private void assertNoSecretIn(String where, String text) {
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            assertThat(text).as("%s must not contain the %s", where, secret.getKey()).doesNotContain(secret.getValue());
        }
    }

    private static String id(JsonNode node) {
        return node.get("id").asText();
    }

    private static int status(ServiceProcess service, String key, String path) throws Exception {
        return send(service, key, "GET", path, null).statusCode();
    }

    private static JsonNode call(ServiceProcess service, String key, String method, String path, String body,
                                 int expected) throws Exception {
        HttpResponse<String> response = send(service, key, method, path, body);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(ServiceProcess service, String key, String method, String path,
                                             String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.uri(path)).header("Authorization", "Bearer " + key);
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The keys and values of every record of every topic, from the beginning, by topic. */
    private static Map<String, String> everyTopicsRecords() throws Exception {
        Map<String, StringBuilder> contents = new LinkedHashMap<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                     new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            admin.describeTopics(admin.listTopics().names().get()).allTopicNames().get().values().forEach(
                    topic -> topic.partitions().forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    contents.computeIfAbsent(record.topic(), t -> new StringBuilder())
                            .append(text(record.key())).append(' ').append(text(record.value())).append('\n');
                }
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
            assertThat(contents).as("records read").containsKeys("ledger.events.v1", "ledger.api-keys.v1");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        contents.forEach((topic, text) -> texts.put(topic, text.toString()));
        return texts;
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
