package io.walletledger.notification.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.walletledger.notification.NotificationApi;
import io.walletledger.testkit.EventTopic;
import io.walletledger.testkit.KafkaEndpoint;
import io.walletledger.testkit.PostgresDatabase;
import io.walletledger.testkit.RealServices;
import io.walletledger.testkit.ServiceProperties;
import io.walletledger.testkit.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.walletledger.notification.NotificationApi.authorized;
import static io.walletledger.notification.NotificationApi.captured;
import static io.walletledger.notification.NotificationApi.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The same outbox, lease and ordering SQL on H2, the zero-install default of the local stack: a delivery
 * retried after a failure, the next event of the payment after it, the log and a dead letter's retry.
 */
@ExtendWith(RealServices.class)
class WebhooksOnH2Test {

    @Test
    void deliveries_retries_ordering_and_the_log_work_on_h2(KafkaEndpoint kafka, PostgresDatabase postgres)
            throws Exception {
        // the test kit's properties (broker, API and secrets keys), with H2 in place of the PostgreSQL database
        Map<String, Object> properties = ServiceProperties.of(kafka, postgres, Map.of(
                "datasources.default.url", "jdbc:h2:mem:webhooks-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "datasources.default.username", "sa",
                "datasources.default.password", "",
                "ledger.webhooks.retry-schedule", "0s,200ms",
                "ledger.webhooks.retry-jitter", 0,
                "ledger.webhooks.require-https", false,
                "ledger.webhooks.allowed-networks", "127.0.0.0/8"));
        try (EventTopic topic = new EventTopic(kafka); WebhookReceiver receiver = new WebhookReceiver();
             EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            NotificationApi api = new NotificationApi(server.getURL().toString(), topic);
            receiver.on("/h2", n -> WebhookReceiver.Reply.status(n == 1 ? 500 : n <= 4 ? 200 : 410));
            String merchant = api.newMerchant();
            String id = api.createEndpoint(merchant, receiver.url("/h2"),
                    List.of("payment.authorized", "payment.captured")).get("id").asText();
            String pay = payment();
            topic.publish(authorized(pay, merchant, 0), captured(pay, merchant, 1), authorized(payment(), merchant, 0));

            await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/v1/webhook-endpoints/" + id
                    + "/deliveries?status=SUCCEEDED").json().get("data").size() == 3);
            List<WebhookReceiver.Received> got = receiver.at("/h2");
            assertThat(got).hasSize(4);
            int captured = indexOfType(got, "payment.captured");
            assertThat(got.subList(0, captured)).extracting(r -> NotificationApi.json(r.body()).get("subject").asText())
                    .contains(pay);
            JsonNode page = api.get("/v1/webhook-endpoints/" + id + "/deliveries?limit=2").json();
            assertThat(page.get("data")).hasSize(2);
            JsonNode rest = api.get("/v1/webhook-endpoints/" + id + "/deliveries?before="
                    + page.get("nextCursor").asText()).json();
            assertThat(rest.get("data")).hasSize(1);
            List<String> logs = new java.util.ArrayList<>();
            for (JsonNode delivery : List.of(page.get("data").get(0), page.get("data").get(1), rest.get("data").get(0))) {
                logs.add(delivery.get("attemptLog").findValuesAsText("statusCode").toString());
            }
            assertThat(logs).containsExactlyInAnyOrder("[500, 200]", "[200]", "[200]");
        }
    }

    private static int indexOfType(List<WebhookReceiver.Received> received, String type) throws Exception {
        for (int i = 0; i < received.size(); i++) {
            if (NotificationApi.json(received.get(i).body()).get("type").asText().equals(type)) {
                return i;
            }
        }
        throw new AssertionError("no " + type);
    }
}
