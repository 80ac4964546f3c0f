package io.walletledger.notification;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.walletledger.servicekit.security.ApiKeyRegistry;
import io.walletledger.servicekit.security.Role;
import io.walletledger.testkit.EventTopic;
import io.walletledger.testkit.KafkaEndpoint;
import io.walletledger.testkit.PostgresDatabase;
import io.walletledger.testkit.RealServices;
import io.walletledger.testkit.ServiceProperties;
import io.walletledger.testkit.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.walletledger.notification.NotificationApi.authorized;
import static io.walletledger.notification.NotificationApi.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A merchant key sees and changes only its own merchant's webhooks and events: another merchant's
 * endpoint looks exactly like one that does not exist, naming another merchant is refused whether or
 * not it exists, and merchants choosing the same Idempotency-Key do not meet.
 */
@ExtendWith(RealServices.class)
class MerchantIsolationTest {

    private static final String UNKNOWN = "we_000000000000000000000000";
    private static final String HOOK = "https://203.0.113.10/hooks";
    private static EmbeddedServer server;
    private static EventTopic topic;
    private static WebhookReceiver receiver;
    private static WebhookTables tables;
    private static NotificationApi admin;
    private static ApiKeyRegistry registry;

    @BeforeAll
    static void start(KafkaEndpoint kafka, PostgresDatabase db) throws Exception {
        topic = new EventTopic(kafka);
        receiver = new WebhookReceiver();
        tables = new WebhookTables(db);
        server = ApplicationContext.run(EmbeddedServer.class, ServiceProperties.of(kafka, db, Map.of(
                "ledger.webhooks.require-https", false, "ledger.webhooks.allowed-networks", "127.0.0.0/8")));
        admin = new NotificationApi(server.getURL().toString(), topic);
        registry = server.getApplicationContext().getBean(ApiKeyRegistry.class);
    }

    @AfterAll
    static void stop() throws Exception {
        server.getApplicationContext().close();
        tables.close();
        receiver.close();
        topic.close();
    }

    @Test
    void a_merchant_key_lists_only_its_own_endpoints() throws Exception {
        String a = admin.newMerchant();
        String b = admin.newMerchant();
        String own = admin.createEndpoint(a, HOOK, List.of("payment.captured")).get("id").asText();
        String other = admin.createEndpoint(b, HOOK, List.of("payment.captured")).get("id").asText();

        JsonNode mine = merchant(a).get("/v1/webhook-endpoints").json().get("data");
        assertThat(mine).extracting(e -> e.get("id").asText()).containsExactly(own);
        assertThat(admin.get("/v1/webhook-endpoints").json().get("data")).extracting(e -> e.get("id").asText())
                .contains(own, other);
    }

    @Test
    void another_merchants_endpoint_and_its_deliveries_are_not_found_exactly_like_unknown_ones() throws Exception {
        String a = admin.newMerchant();
        String b = admin.newMerchant();
        String other = admin.createEndpoint(b, receiver.url("/b"), List.of("payment.authorized")).get("id").asText();
        topic.publish(authorized(payment(), b, 0));
        String path = "/v1/webhook-endpoints/" + other + "/deliveries?status=SUCCEEDED";
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.get(path).json().get("data").size() == 1);
        String delivery = admin.get(path).json().get("data").get(0).get("id").asText();
        NotificationApi merchantA = merchant(a);
        List<String> before = tables.snapshot();

        for (List<String> request : List.of(List.of("GET", ""), List.of("PATCH", ""), List.of("DELETE", ""),
                List.of("POST", "/rotate-secret"), List.of("GET", "/deliveries"), List.of("GET", "/dead-letters"),
                List.of("GET", "/deliveries/" + delivery), List.of("POST", "/deliveries/" + delivery + "/retry"))) {
            String body = request.get(0).equals("PATCH") ? "{\"url\":\"https://203.0.113.11/mine-now\"}" : null;
            NotificationApi.Response ofB = merchantA.send(request.get(0), "/v1/webhook-endpoints/" + other
                    + request.get(1), body);
            NotificationApi.Response unknown = merchantA.send(request.get(0), "/v1/webhook-endpoints/" + UNKNOWN
                    + request.get(1), body);
            assertThat(ofB.status()).as(request.toString()).isEqualTo(404);
            assertThat(ofB.contentType()).isEqualTo(unknown.contentType());
            assertThat(ofB.body().replace(other, UNKNOWN)).as(request.toString()).isEqualTo(unknown.body());
        }
        assertThat(tables.snapshot()).as("nothing of B's endpoint changed").isEqualTo(before);
    }

    @Test
    void a_merchant_naming_another_merchant_is_refused_whether_or_not_that_merchant_exists() throws Exception {
        String a = admin.newMerchant();
        String b = admin.newMerchant();
        admin.createEndpoint(b, HOOK, List.of("payment.captured"));
        NotificationApi merchantA = merchant(a);
        List<String> before = tables.snapshot();

        for (String named : List.of(b, "acc_nobody")) {
            assertForbidden(merchantA.send("POST", "/v1/webhook-endpoints", registration(named)));
            assertForbidden(merchantA.get("/v1/webhook-endpoints?merchantAccountId=" + named));
            assertForbidden(merchantA.get("/v1/merchants/" + named + "/events"));
        }
        assertThat(tables.snapshot()).as("no endpoint was registered").isEqualTo(before);
        assertThat(admin.send("POST", "/v1/webhook-endpoints", registration("acc_nobody")).code())
                .as("the admin learns the account is unknown; the merchant did not").isEqualTo("unknown_merchant");
    }

    @Test
    void merchants_choosing_the_same_idempotency_key_each_register_their_own_endpoint() throws Exception {
        String a = admin.newMerchant();
        String b = admin.newMerchant();
        admin.createEndpoint(a, HOOK, List.of("payment.captured"));
        admin.createEndpoint(b, HOOK, List.of("payment.captured"));
        Map<String, String> sameKey = Map.of("Idempotency-Key", "order-hooks-1");

        NotificationApi.Response ofA = merchant(a).send("POST", "/v1/webhook-endpoints", registration(a), sameKey);
        NotificationApi.Response ofB = merchant(b).send("POST", "/v1/webhook-endpoints", registration(b), sameKey);
        NotificationApi.Response againA = merchant(a).send("POST", "/v1/webhook-endpoints", registration(a), sameKey);

        assertThat(ofA.status()).isEqualTo(201);
        assertThat(ofB.status()).as(ofB.body()).isEqualTo(201);
        assertThat(ofB.header("Idempotent-Replayed")).isNull();
        assertThat(ofB.json().get("merchantAccountId").asText()).isEqualTo(b);
        assertThat(ofB.json().get("secret").asText()).startsWith("whsec_");
        assertThat(againA.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(againA.json().get("id").asText()).isEqualTo(ofA.json().get("id").asText());
    }

    private static void assertForbidden(NotificationApi.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("forbidden");
    }

    private static String registration(String merchant) {
        return "{\"merchantAccountId\":\"" + merchant + "\",\"url\":\"" + HOOK
                + "\",\"eventTypes\":[\"payment.captured\"]}";
    }

    /** The API as a merchant's own key sees it. */
    private static NotificationApi merchant(String merchantAccountId) {
        return admin.as(registry.issue(Role.MERCHANT, merchantAccountId, List.of(), "isolation test", null, null)
                .plaintext());
    }
}
