package io.walletledger.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.walletledger.servicekit.security.ApiKeyFormat;
import io.walletledger.testkit.KafkaEndpoint;
import io.walletledger.testkit.PostgresDatabase;
import io.walletledger.testkit.RealServices;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** POST /v1/api-keys and friends: keys shown once, kept as SHA-256 only, validated, revocable at once. */
@ExtendWith(RealServices.class)
class ApiKeysHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static CommandServiceRunning admin;
    private static KafkaEndpoint broker;
    private static ApiKeyMinting minting;
    private static String merchant;

    @BeforeAll
    static void start(KafkaEndpoint kafka, PostgresDatabase db) throws Exception {
        broker = kafka;
        admin = CommandServiceRunning.start(kafka, db);
        minting = new ApiKeyMinting(admin);
        merchant = new PaymentHttpTestSupport(admin).open("MERCHANT", 0);
    }

    @AfterAll
    static void stop() {
        admin.close();
    }

    @Test
    void security_a_created_key_is_shown_once_and_only_its_sha256_is_kept() throws Exception {
        HttpResponse<String> created = admin.post("/v1/api-keys", "{\"role\":\"MERCHANT\",\"merchantAccountId\":\""
                + merchant + "\",\"description\":\"checkout\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode key = JSON.readTree(created.body());
        String plaintext = key.get("key").asText();
        assertThat(plaintext).startsWith("wl_test_").hasSize("wl_test_".length() + 68);
        assertThat(key.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(key.get("permissions").toString()).contains("payments:capture").doesNotContain("keys:manage");

        String id = key.get("id").asText();
        String secret = plaintext.substring(plaintext.length() - ApiKeyFormat.SECRET_CHARS);
        assertThat(admin.get("/v1/api-keys/" + id).body()).doesNotContain(secret).doesNotContain("\"key\"");
        assertThat(admin.get("/v1/api-keys?includeRevoked=true").body()).contains(id).doesNotContain(secret);

        String stored = storedRecordOf(id);
        assertThat(stored).doesNotContain(secret);
        assertThat(JSON.readTree(stored).get("sha256").asText()).isEqualTo(ApiKeyFormat.hashHex(plaintext));
    }

    @Test
    void invalid_key_requests_are_400_problems_an_unopened_merchant_422_and_nothing_is_created() throws Exception {
        String customer = new PaymentHttpTestSupport(admin).open("CUSTOMER", 0);
        int keysBefore = JSON.readTree(admin.get("/v1/api-keys?includeRevoked=true").body()).size();
        Map<String, String> bodies = Map.of(
                "{\"role\":\"ROOT\"}", "400 validation_failed",
                "{\"role\":\"MERCHANT\"}", "400 validation_failed",
                "{\"role\":\"MERCHANT\",\"merchantAccountId\":\"acc_notopened\"}", "422 unknown_merchant",
                "{\"role\":\"MERCHANT\",\"merchantAccountId\":\"" + customer + "\"}", "422 unknown_merchant",
                "{\"role\":\"SERVICE\"}", "400 validation_failed",
                "{\"role\":\"SERVICE\",\"grants\":[]}", "400 validation_failed",
                "{\"role\":\"SERVICE\",\"grants\":[\"keys:manage\"]}", "400 validation_failed",
                "{\"role\":\"SERVICE\",\"grants\":[\"payments:everything\"]}", "400 validation_failed",
                "{\"role\":\"AUDITOR\",\"grants\":[\"deposits:create\"]}", "400 validation_failed");
        for (Map.Entry<String, String> body : bodies.entrySet()) {
            HttpResponse<String> refused = admin.post("/v1/api-keys", body.getKey());
            assertThat(refused.headers().firstValue("Content-Type")).as(body.getKey())
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.statusCode() + " " + JSON.readTree(refused.body()).get("code").asText())
                    .as(body.getKey() + " -> " + refused.body()).isEqualTo(body.getValue());
        }
        assertThat(JSON.readTree(admin.get("/v1/api-keys?includeRevoked=true").body()).size()).isEqualTo(keysBefore);
    }

    @Test
    void I7_an_idempotency_key_replays_the_creation_without_the_key_and_refuses_another_body() throws Exception {
        String idempotencyKey = UUID.randomUUID().toString();
        String body = "{\"role\":\"SERVICE\",\"grants\":[\"deposits:create\"]}";
        HttpResponse<String> first = admin.postWithKey("/v1/api-keys", body, idempotencyKey);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        HttpResponse<String> replay = admin.postWithKey("/v1/api-keys", body, idempotencyKey);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(replay.body()).get("id")).isEqualTo(JSON.readTree(first.body()).get("id"));
        assertThat(JSON.readTree(replay.body()).has("key")).as("the key is shown once").isFalse();

        HttpResponse<String> other = admin.postWithKey("/v1/api-keys", body.replace("deposits", "withdrawals"), idempotencyKey);
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(other.body()).get("code").asText()).isEqualTo("idempotency_key_reused");
    }

    @Test
    void an_idempotency_key_is_visible_ascii_as_everywhere_else_and_a_bad_one_creates_nothing() throws Exception {
        int keysBefore = JSON.readTree(admin.get("/v1/api-keys?includeRevoked=true").body()).size();
        for (String idempotencyKey : java.util.List.of("two words", " ", "k".repeat(256))) {
            HttpResponse<String> refused = admin.postWithKey("/v1/api-keys", "{\"role\":\"AUDITOR\"}", idempotencyKey);
            assertThat(refused.statusCode()).as(idempotencyKey + " -> " + refused.body()).isEqualTo(400);
            assertThat(JSON.readTree(refused.body()).get("detail").asText())
                    .isEqualTo("Idempotency-Key must be 1 to 255 visible ASCII characters");
        }
        assertThat(JSON.readTree(admin.get("/v1/api-keys?includeRevoked=true").body()).size()).isEqualTo(keysBefore);
    }

    @Test
    void security_a_revoked_key_is_refused_from_the_next_request_on() throws Exception {
        ApiKeyMinting.Minted auditor = minting.role("AUDITOR");
        CommandServiceRunning asAuditor = admin.as(auditor.key());
        assertThat(asAuditor.get("/prometheus").statusCode()).isEqualTo(200);

        minting.revoke(auditor.id());
        HttpResponse<String> refused = asAuditor.get("/prometheus");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(refused.body()).get("code").asText()).isEqualTo("invalid_api_key");
        JsonNode shown = JSON.readTree(admin.get("/v1/api-keys/" + auditor.id()).body());
        assertThat(shown.get("status").asText()).isEqualTo("REVOKED");
        assertThat(shown.get("revokedAt").isTextual()).isTrue();
    }

    @Test
    void the_last_use_of_a_key_is_shown_once_it_has_been_used() throws Exception {
        ApiKeyMinting.Minted auditor = minting.role("AUDITOR");
        assertThat(JSON.readTree(admin.get("/v1/api-keys/" + auditor.id()).body()).has("lastUsedAt")).isFalse();
        assertThat(admin.as(auditor.key()).get("/prometheus").statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(admin.get("/v1/api-keys/" + auditor.id()).body()).get("lastUsedAt").isTextual()).isTrue();
    }

    @Test
    void security_only_admin_keys_manage_keys_even_a_service_key_granted_everything_grantable() throws Exception {
        ApiKeyMinting.Minted target = minting.role("AUDITOR");
        List<String> keys = List.of(minting.role("AUDITOR").key(), minting.merchant(merchant).key(),
                minting.service("accounts:open", "accounts:manage", "deposits:create", "withdrawals:create",
                        "transfers:create", "payments:create", "payments:authorize", "payments:capture",
                        "payments:cancel", "payments:refund", "accounts:read", "payments:read", "transfers:read").key());
        for (String key : keys) {
            CommandServiceRunning as = admin.as(key);
            assertThat(List.of(as.post("/v1/api-keys", "{\"role\":\"ADMIN\"}").statusCode(),
                    as.get("/v1/api-keys").statusCode(), as.get("/v1/api-keys/" + target.id()).statusCode(),
                    as.post("/v1/api-keys/" + target.id() + "/revoke", "{}").statusCode()))
                    .as(key.substring(0, 12)).containsOnly(403);
        }
        assertThat(JSON.readTree(admin.get("/v1/api-keys/" + target.id()).body()).get("status").asText()).isEqualTo("ACTIVE");
    }

    /** The record of a key on ledger.api-keys.v1, as every service reads it. */
    private static String storedRecordOf(String id) {
        TopicPartition partition = new TopicPartition("ledger.api-keys.v1", 0);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            String[] found = new String[1];
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (("key/" + id).equals(r.key())) {
                        found[0] = r.value();
                    }
                }
                return found[0] != null;
            });
            return found[0];
        }
    }
}
