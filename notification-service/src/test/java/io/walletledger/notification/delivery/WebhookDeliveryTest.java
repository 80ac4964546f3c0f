package io.walletledger.notification.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.walletledger.notification.NotificationApi;
import io.walletledger.notification.StandardWebhooksVerifier;
import io.walletledger.testkit.WebhookReceiver;
import io.walletledger.testkit.WebhookReceiver.Received;
import io.walletledger.testkit.WebhookReceiver.Reply;
import io.walletledger.testkit.EventTopic;
import io.walletledger.testkit.KafkaEndpoint;
import io.walletledger.testkit.PostgresDatabase;
import io.walletledger.testkit.RealServices;
import io.walletledger.testkit.ServiceProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.walletledger.notification.NotificationApi.authorized;
import static io.walletledger.notification.NotificationApi.captured;
import static io.walletledger.notification.NotificationApi.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks end to end against real servers: events on a real Kafka broker, the service on a real
 * PostgreSQL database, deliveries to a real HTTP receiver, signatures checked by the independent
 * standardwebhooks npm package. The retry schedule is compressed (0 s, 300 ms, 300 ms, 300 ms).
 */
@ExtendWith(RealServices.class)
class WebhookDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static EmbeddedServer server;
    private static EventTopic topic;
    private static WebhookReceiver receiver;
    private static NotificationApi api;
    private static PostgresDatabase database;

    @BeforeAll
    static void start(KafkaEndpoint kafka, PostgresDatabase db) throws Exception {
        database = db;
        topic = new EventTopic(kafka);
        receiver = new WebhookReceiver();
        server = ApplicationContext.run(EmbeddedServer.class, ServiceProperties.of(kafka, db, Map.of(
                "ledger.webhooks.retry-schedule", "0s,300ms,300ms,300ms",
                "ledger.webhooks.retry-jitter", 0,
                "ledger.webhooks.timeout", "1s",
                "ledger.webhooks.disable-after", "6s",
                "ledger.webhooks.poll-interval", "100ms",
                "ledger.webhooks.require-https", false,
                "ledger.webhooks.allowed-networks", "127.0.0.0/8")));
        api = new NotificationApi(server.getURL().toString(), topic);
    }

    @AfterAll
    static void stop() {
        server.getApplicationContext().close();
        receiver.close();
        topic.close();
    }

    @Test
    void deliveries_are_signed_per_standard_webhooks_carry_the_cloud_event_and_reach_only_their_merchant()
            throws Exception {
        String merchant = api.newMerchant();
        String other = api.newMerchant();
        JsonNode endpoint = api.createEndpoint(merchant, receiver.url("/signed"),
                List.of("payment.captured", "payment.authorized"));
        api.createEndpoint(other, receiver.url("/other"), List.of("payment.authorized"));
        String secret = endpoint.get("secret").asText();
        assertThat(secret).startsWith("whsec_");
        String pay = payment();
        topic.publish(authorized(payment(), other, 0), authorized(pay, merchant, 0), captured(pay, merchant, 1));

        await().atMost(WAIT).until(() -> receiver.at("/signed").size() == 2 && receiver.at("/other").size() == 1);
        List<Received> signed = receiver.at("/signed");
        assertThat(signed).extracting(r -> NotificationApi.json(r.body()).get("type").asText())
                .containsExactly("payment.authorized", "payment.captured");
        for (Received r : signed) {
            assertThat(StandardWebhooksVerifier.verify(secret, r.headers(), r.body())).isEqualTo("valid");
            assertThat(r.header("webhook-id")).startsWith("msg_");
            assertThat(r.header("content-type")).isEqualTo("application/json");
            JsonNode event = NotificationApi.json(r.body());
            assertThat(event.get("specversion").asText()).isEqualTo("1.0");
            assertThat(event.get("subject").asText()).isEqualTo(pay);
            assertThat(event.at("/data/merchantAccountId").asText()).isEqualTo(merchant);
        }
        assertThat(signed.get(0).header("webhook-id")).isNotEqualTo(signed.get(1).header("webhook-id"));
        assertThat(StandardWebhooksVerifier.verify(secret, signed.get(0).headers(), signed.get(0).body()
                .replace("1250", "1251"))).startsWith("invalid");
        assertThat(NotificationApi.json(receiver.at("/other").get(0).body()).at("/data/merchantAccountId").asText())
                .isEqualTo(other);
        assertThat(api.get("/v1/webhook-endpoints/" + endpoint.get("id").asText() + "/deliveries").json().get("data"))
                .hasSize(2);
    }

    @Test
    void failed_attempts_are_retried_with_the_same_webhook_id_and_later_events_of_the_payment_wait_their_turn()
            throws Exception {
        String merchant = api.newMerchant();
        receiver.on("/flaky", n -> n <= 2 ? new Reply(500, Duration.ZERO, "not yet", Map.of()) : Reply.status(204));
        JsonNode endpoint = api.createEndpoint(merchant, receiver.url("/flaky"),
                List.of("payment.authorized", "payment.captured"));
        String pay = payment();
        topic.publish(authorized(pay, merchant, 0), captured(pay, merchant, 1));

        await().atMost(WAIT).until(() -> receiver.at("/flaky").size() == 4);
        List<Received> got = receiver.at("/flaky");
        assertThat(got.subList(0, 3)).extracting(r -> r.header("webhook-id")).containsOnly(got.get(0).header("webhook-id"));
        assertThat(got.subList(0, 3)).extracting(r -> NotificationApi.json(r.body()).get("type").asText())
                .containsOnly("payment.authorized");
        assertThat(NotificationApi.json(got.get(3).body()).get("type").asText()).isEqualTo("payment.captured");
        for (Received r : got) {
            assertThat(StandardWebhooksVerifier.verify(endpoint.get("secret").asText(), r.headers(), r.body()))
                    .isEqualTo("valid");
        }

        String id = endpoint.get("id").asText();
        await().atMost(WAIT).until(() -> api.get("/v1/webhook-endpoints/" + id + "/deliveries?status=SUCCEEDED")
                .json().get("data").size() == 2);
        JsonNode first = api.get("/v1/webhook-endpoints/" + id + "/deliveries").json().get("data").get(1);
        assertThat(first.get("eventType").asText()).isEqualTo("payment.authorized");
        assertThat(first.get("webhookId").asText()).isEqualTo(got.get(0).header("webhook-id"));
        assertThat(first.get("attempts").asInt()).isEqualTo(3);
        JsonNode log = first.get("attemptLog");
        assertThat(log).extracting(a -> a.get("statusCode").asInt()).containsExactly(500, 500, 204);
        assertThat(log.get(0).get("error").asText()).isEqualTo("HTTP 500");
        assertThat(log.get(0).get("responseBody").asText()).isEqualTo("not yet");
        assertThat(log.get(0).get("latencyMillis").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(Instant.parse(log.get(1).get("attemptedAt").asText()))
                .isAfterOrEqualTo(Instant.parse(log.get(0).get("attemptedAt").asText()).plusMillis(300));
    }

    @Test
    void a_delivery_is_dead_after_its_last_scheduled_attempt_and_a_manual_retry_keeps_its_webhook_id()
            throws Exception {
        String merchant = api.newMerchant();
        AtomicBoolean up = new AtomicBoolean(false);
        receiver.on("/down", n -> Reply.status(up.get() ? 200 : 503));
        JsonNode endpoint = api.createEndpoint(merchant, receiver.url("/down"), List.of("payment.authorized"));
        String id = endpoint.get("id").asText();
        topic.publish(authorized(payment(), merchant, 0));

        await().atMost(WAIT).until(() -> api.get("/v1/webhook-endpoints/" + id + "/dead-letters")
                .json().get("data").size() == 1);
        JsonNode dead = api.get("/v1/webhook-endpoints/" + id + "/dead-letters").json().get("data").get(0);
        assertThat(dead.get("status").asText()).isEqualTo("DEAD");
        assertThat(dead.get("attempts").asInt()).isEqualTo(4);
        assertThat(receiver.at("/down")).hasSize(4);

        up.set(true);
        NotificationApi.Response retried = api.send("POST", "/v1/webhook-endpoints/" + id + "/deliveries/"
                + dead.get("id").asText() + "/retry", null);
        assertThat(retried.status()).isEqualTo(202);
        await().atMost(WAIT).until(() -> api.get("/v1/webhook-endpoints/" + id + "/deliveries/" + dead.get("id").asText())
                .json().get("status").asText().equals("SUCCEEDED"));
        assertThat(receiver.at("/down")).hasSize(5).extracting(r -> r.header("webhook-id"))
                .containsOnly(dead.get("webhookId").asText());
        JsonNode log = api.get("/v1/webhook-endpoints/" + id + "/deliveries/" + dead.get("id").asText())
                .json().get("attemptLog");
        assertThat(log.get(4).get("manual").asBoolean()).isTrue();
        assertThat(log.get(3).get("manual").asBoolean()).isFalse();
        assertThat(api.get("/v1/webhook-endpoints/" + id + "/dead-letters").json().get("data")).isEmpty();
    }

    @Test
    void redirects_are_not_followed_slow_receivers_time_out_and_only_the_start_of_a_response_is_kept()
            throws Exception {
        String merchant = api.newMerchant();
        receiver.on("/redirect", n -> new Reply(302, Duration.ZERO, "", Map.of("Location", receiver.url("/target"))));
        receiver.on("/slow", n -> new Reply(200, Duration.ofMillis(2_500), "", Map.of()));
        receiver.on("/big", n -> new Reply(500, Duration.ZERO, "x".repeat(200_000), Map.of()));
        String redirect = api.createEndpoint(merchant, receiver.url("/redirect"), List.of("payment.authorized"))
                .get("id").asText();
        String slow = api.createEndpoint(merchant, receiver.url("/slow"), List.of("payment.authorized"))
                .get("id").asText();
        String big = api.createEndpoint(merchant, receiver.url("/big"), List.of("payment.authorized"))
                .get("id").asText();
        topic.publish(authorized(payment(), merchant, 0));

        JsonNode redirected = firstAttempt(redirect);
        assertThat(redirected.get("statusCode").asInt()).isEqualTo(302);
        assertThat(redirected.get("error").asText()).contains("redirects are not followed");
        assertThat(receiver.at("/target")).isEmpty();
        JsonNode timedOut = firstAttempt(slow);
        assertThat(timedOut.has("statusCode")).isFalse();
        assertThat(timedOut.get("error").asText()).startsWith("timed out");
        assertThat(timedOut.get("latencyMillis").asLong()).isBetween(900L, 2_400L);
        JsonNode large = firstAttempt(big);
        assertThat(large.get("responseBody").asText()).hasSize(1024);
    }

    @Test
    void an_endpoint_failing_longer_than_disable_after_is_disabled_with_its_reason_and_resumes_when_enabled()
            throws Exception {
        String merchant = api.newMerchant();
        AtomicBoolean up = new AtomicBoolean(false);
        receiver.on("/broken", n -> Reply.status(up.get() ? 200 : 500));
        String id = api.createEndpoint(merchant, receiver.url("/broken"), List.of("payment.authorized"))
                .get("id").asText();
        topic.publish(authorized(payment(), merchant, 0));
        await().atMost(WAIT).until(() -> api.get("/v1/webhook-endpoints/" + id).json().has("failingSince"));
        Instant failingSince = Instant.parse(api.get("/v1/webhook-endpoints/" + id).json().get("failingSince").asText());
        assertThat(api.get("/v1/webhook-endpoints/" + id).json().get("enabled").asBoolean()).isTrue();

        await().atMost(WAIT).until(() -> Instant.now().isAfter(failingSince.plusSeconds(7)));
        topic.publish(authorized(payment(), merchant, 0));
        await().atMost(WAIT).until(() -> !api.get("/v1/webhook-endpoints/" + id).json().get("enabled").asBoolean());
        JsonNode disabled = api.get("/v1/webhook-endpoints/" + id).json();
        assertThat(disabled.get("disabledReason").asText()).contains("failed for longer than PT6S").contains("HTTP 500");
        assertThat(disabled.has("disabledAt")).isTrue();
        int attemptsWhenDisabled = receiver.at("/broken").size();

        up.set(true);
        NotificationApi.Response enabled = api.send("PATCH", "/v1/webhook-endpoints/" + id, "{\"enabled\":true}");
        assertThat(enabled.status()).isEqualTo(200);
        assertThat(enabled.json().has("disabledReason")).isFalse();
        await().atMost(WAIT).until(() -> api.get("/v1/webhook-endpoints/" + id + "/deliveries?status=SUCCEEDED")
                .json().get("data").size() == 1);
        assertThat(receiver.at("/broken").size()).isGreaterThan(attemptsWhenDisabled);
        assertThat(api.get("/v1/webhook-endpoints/" + id).json().has("failingSince")).isFalse();
    }

    @Test
    void after_a_rotation_both_secrets_sign_until_the_overlap_ends() throws Exception {
        String merchant = api.newMerchant();
        JsonNode endpoint = api.createEndpoint(merchant, receiver.url("/rotating"), List.of("payment.authorized"));
        String id = endpoint.get("id").asText();
        String first = endpoint.get("secret").asText();
        JsonNode rotated = api.send("POST", "/v1/webhook-endpoints/" + id + "/rotate-secret", null).json();
        String second = rotated.get("secret").asText();
        assertThat(second).startsWith("whsec_").isNotEqualTo(first);
        assertThat(Instant.parse(rotated.get("previousSecretExpiresAt").asText()))
                .isAfter(Instant.now().plus(Duration.ofHours(23)));
        topic.publish(authorized(payment(), merchant, 0));
        await().atMost(WAIT).until(() -> receiver.at("/rotating").size() == 1);
        Received during = receiver.at("/rotating").get(0);
        assertThat(during.header("webhook-signature").split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
        assertThat(StandardWebhooksVerifier.verify(first, during.headers(), during.body())).isEqualTo("valid");
        assertThat(StandardWebhooksVerifier.verify(second, during.headers(), during.body())).isEqualTo("valid");

        String third = api.send("POST", "/v1/webhook-endpoints/" + id + "/rotate-secret", "{\"overlapSeconds\":0}")
                .json().get("secret").asText();
        topic.publish(authorized(payment(), merchant, 0));
        await().atMost(WAIT).until(() -> receiver.at("/rotating").size() == 2);
        Received after = receiver.at("/rotating").get(1);
        assertThat(after.header("webhook-signature").split(" ")).hasSize(1);
        assertThat(StandardWebhooksVerifier.verify(third, after.headers(), after.body())).isEqualTo("valid");
        assertThat(StandardWebhooksVerifier.verify(second, after.headers(), after.body())).startsWith("invalid");
        assertThat(StandardWebhooksVerifier.verify(first, after.headers(), after.body())).startsWith("invalid");
    }

    @Test
    void signing_secrets_are_shown_once_and_stored_only_encrypted() throws Exception {
        String merchant = api.newMerchant();
        JsonNode endpoint = api.createEndpoint(merchant, receiver.url("/quiet"), List.of("payment.captured"));
        String secret = endpoint.get("secret").asText();
        String id = endpoint.get("id").asText();
        assertThat(api.get("/v1/webhook-endpoints/" + id).json().has("secret")).isFalse();
        assertThat(api.get("/v1/webhook-endpoints?merchantAccountId=" + merchant).json().get("data"))
                .hasSize(1).allMatch(e -> !e.has("secret"));
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password());
             ResultSet rs = connection.createStatement().executeQuery(
                     "SELECT key_id, sealed FROM webhook_secret WHERE endpoint_id = '" + id + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("key_id")).isNotBlank();
            assertThat(rs.getString("sealed")).doesNotContain(secret.substring("whsec_".length()))
                    .doesNotContain(secret);
        }
    }

    @Test
    void an_idempotency_key_makes_a_repeated_registration_or_rotation_a_replay_without_the_secret() throws Exception {
        String merchant = api.newMerchant();
        api.createEndpoint(merchant, receiver.url("/warmup"), List.of("payment.captured"));
        String body = "{\"merchantAccountId\":\"" + merchant + "\",\"url\":\"" + receiver.url("/idem")
                + "\",\"eventTypes\":[\"payment.captured\"]}";
        NotificationApi.Response first = api.send("POST", "/v1/webhook-endpoints", body, Map.of("Idempotency-Key", "reg-1"));
        NotificationApi.Response again = api.send("POST", "/v1/webhook-endpoints", body, Map.of("Idempotency-Key", "reg-1"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().has("secret")).isTrue();
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
        assertThat(again.json().has("secret")).isFalse();
        assertThat(api.get("/v1/webhook-endpoints?merchantAccountId=" + merchant).json().get("data")).hasSize(2);
        NotificationApi.Response reused = api.send("POST", "/v1/webhook-endpoints",
                body.replace("/idem", "/other-idem"), Map.of("Idempotency-Key", "reg-1"));
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.json().get("code").asText()).isEqualTo("idempotency_key_reused");

        String id = first.json().get("id").asText();
        NotificationApi.Response rotated = api.send("POST", "/v1/webhook-endpoints/" + id + "/rotate-secret", "{}",
                Map.of("Idempotency-Key", "rot-1"));
        NotificationApi.Response rotatedAgain = api.send("POST", "/v1/webhook-endpoints/" + id + "/rotate-secret", "{}",
                Map.of("Idempotency-Key", "rot-1"));
        assertThat(rotated.json().get("secret").asText()).startsWith("whsec_");
        assertThat(rotatedAgain.status()).isEqualTo(200);
        assertThat(rotatedAgain.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(rotatedAgain.json().has("secret")).isFalse();
        assertProblem(api.send("POST", "/v1/webhook-endpoints", body, Map.of("Idempotency-Key", " ")), 400,
                "Idempotency-Key");
        topic.publish(captured(payment(), merchant, 0));
        await().atMost(WAIT).until(() -> receiver.at("/idem").size() == 1);
        assertThat(receiver.at("/idem").get(0).header("webhook-signature").split(" "))
                .as("one rotation, so two secrets sign, not three").hasSize(2);
    }

    @Test
    void bad_requests_get_problem_details_and_change_nothing() throws Exception {
        String merchant = api.newMerchant();
        JsonNode endpoint = api.createEndpoint(merchant, receiver.url("/valid"), List.of("payment.captured"));
        String id = endpoint.get("id").asText();
        String url = receiver.url("/valid");
        assertProblem(api.send("POST", "/v1/webhook-endpoints", "{\"merchantAccountId\":\"" + merchant
                + "\",\"eventTypes\":[\"payment.captured\"]}"), 400, "'url' is required");
        assertProblem(api.send("POST", "/v1/webhook-endpoints", "{\"merchantAccountId\":\"" + merchant
                + "\",\"url\":\"ftp://example.com/x\",\"eventTypes\":[\"payment.captured\"]}"), 400, "http");
        assertProblem(api.send("POST", "/v1/webhook-endpoints", "{\"merchantAccountId\":\"" + merchant
                + "\",\"url\":\"http://user:pw@127.0.0.1/x\",\"eventTypes\":[\"payment.captured\"]}"), 400, "user info");
        assertProblem(api.send("POST", "/v1/webhook-endpoints", "{\"merchantAccountId\":\"" + merchant
                + "\",\"url\":\"" + url + "\",\"eventTypes\":[\"payment.nope\"]}"), 400, "unknown event type");
        assertProblem(api.send("POST", "/v1/webhook-endpoints", "{\"merchantAccountId\":\"" + merchant
                + "\",\"url\":\"" + url + "\",\"eventTypes\":\"payment.captured\"}"), 400, "array");
        assertProblem(api.send("POST", "/v1/webhook-endpoints", "{\"merchantAccountId\":\"acc_nobody\",\"url\":\""
                + url + "\",\"eventTypes\":[\"payment.captured\"]}"), 422, "acc_nobody");
        assertProblem(api.send("POST", "/v1/webhook-endpoints", "{\"merchantAccountId\":"), 400, "malformed JSON");
        assertProblem(api.send("PATCH", "/v1/webhook-endpoints/" + id, "{\"enabled\":\"yes\"}"), 400, "true or false");
        assertProblem(api.send("PATCH", "/v1/webhook-endpoints/" + id, "{\"secret\":\"x\"}"), 400, "unknown field");
        assertProblem(api.send("POST", "/v1/webhook-endpoints/" + id + "/rotate-secret", "{\"overlapSeconds\":-1}"),
                400, "overlapSeconds");
        assertProblem(api.get("/v1/webhook-endpoints/we_missing"), 404, "we_missing");
        assertProblem(api.get("/v1/webhook-endpoints/we_missing/deliveries"), 404, "we_missing");
        assertProblem(api.get("/v1/webhook-endpoints/" + id + "/deliveries?status=LOST"), 400, "status");
        assertProblem(api.get("/v1/webhook-endpoints/" + id + "/deliveries?limit=0"), 400, "limit");
        assertProblem(api.send("POST", "/v1/webhook-endpoints/" + id + "/deliveries/99999999/retry", null), 404,
                "99999999");
        assertProblem(api.send("DELETE", "/v1/webhook-endpoints/we_missing", null), 404, "we_missing");

        JsonNode unchanged = api.get("/v1/webhook-endpoints/" + id).json();
        assertThat(unchanged.get("url").asText()).isEqualTo(url);
        assertThat(unchanged.get("enabled").asBoolean()).isTrue();
        assertThat(api.get("/v1/webhook-endpoints?merchantAccountId=" + merchant).json().get("data")).hasSize(1);

        NotificationApi.Response changed = api.send("PATCH", "/v1/webhook-endpoints/" + id,
                "{\"eventTypes\":[\"payment.refunded\",\"payment.captured\"],\"description\":\"orders\"}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("eventTypes")).extracting(JsonNode::asText)
                .containsExactly("payment.captured", "payment.refunded");
        assertThat(api.send("DELETE", "/v1/webhook-endpoints/" + id, null).status()).isEqualTo(204);
        assertThat(api.get("/v1/webhook-endpoints/" + id).status()).isEqualTo(404);
    }

    @Test
    void serves_its_openapi_document_generated_from_the_code_and_swagger_ui() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<String> spec = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                server.getURL() + "/swagger/wallet-ledger-notification-api-1.yml")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(spec.statusCode()).isEqualTo(200);
        assertThat(spec.body()).contains("openapi: 3", "/v1/webhook-endpoints:", "/v1/merchants/{id}/events:");
        io.walletledger.testkit.OpenApiDocs.assertCommittedCopyMatches(spec.body(), "notification-service.yml");
        assertThat(http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.getURL()
                + "/swagger-ui/index.html")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
    }

    private static void assertProblem(NotificationApi.Response response, int status, String detail) {
        assertThat(response.status()).as(String.valueOf(response.json())).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains(detail);
    }

    private static JsonNode firstAttempt(String endpointId) {
        String path = "/v1/webhook-endpoints/" + endpointId + "/deliveries";
        await().atMost(WAIT).until(() -> {
            JsonNode data = api.get(path).json().get("data");
            return data.size() == 1 && data.get(0).get("attemptLog").size() >= 1;
        });
        try {
            return api.get(path).json().get("data").get(0).get("attemptLog").get(0);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
