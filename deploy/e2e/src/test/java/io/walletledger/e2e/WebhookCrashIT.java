package io.walletledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.walletledger.account.AccountId;
import io.walletledger.account.AccountOpened;
import io.walletledger.account.AccountType;
import io.walletledger.envelope.CloudEvent;
import io.walletledger.money.CurrencyCode;
import io.walletledger.money.Money;
import io.walletledger.payment.FundingSource;
import io.walletledger.payment.PaymentAuthorized;
import io.walletledger.payment.PaymentCaptured;
import io.walletledger.payment.PaymentId;
import io.walletledger.testkit.TestKeys;
import io.walletledger.testkit.EventTopic;
import io.walletledger.testkit.KafkaEndpoint;
import io.walletledger.testkit.PostgresDatabase;
import io.walletledger.testkit.RealServices;
import io.walletledger.testkit.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kills the packaged notification-service twice while it has webhooks to send: once in the middle of a
 * consumed batch (before its outbox rows commit) and once right after an outbox commit (before any of its
 * deliveries is attempted). After a normal restart every event reaches the merchant's endpoint, each
 * with the one webhook-id it will always have, a payment's events in order.
 */
@ExtendWith(RealServices.class)
class WebhookCrashIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int PAYMENTS = 25;

    @Test
    void a_crash_between_consuming_and_delivering_loses_no_webhook(KafkaEndpoint kafka, PostgresDatabase database)
            throws Exception {
        Instant t = Instant.parse("2026-11-26T08:00:00Z");
        String merchant = "acc_crash_" + UUID.randomUUID().toString().substring(0, 8);
        PostgresDatabase db = database.sibling("webhookcrash");
        Map<String, String> env = ServiceProcess.environment(kafka, db);
        env.put("MICRONAUT_ENVIRONMENTS", "local");
        try (EventTopic topic = new EventTopic(kafka); WebhookReceiver receiver = new WebhookReceiver()) {
            topic.publish(CloudEvent.of(UUID.randomUUID().toString(), 0, t, new AccountOpened(AccountId.of(merchant),
                    "owner", AccountType.MERCHANT, CurrencyCode.of("EUR"), 1, t)));
            try (ServiceProcess setup = ServiceProcess.start("notification-service", "NOTIFICATION_SERVICE_PORT", env)) {
                setup.awaitHealthy();
                String body = JSON.writeValueAsString(Map.of("merchantAccountId", merchant,
                        "url", receiver.url("/hooks"), "eventTypes", List.of("payment.authorized", "payment.captured")));
                await().atMost(Duration.ofSeconds(60)).until(() -> post(setup, "/v1/webhook-endpoints", body) == 201);
            }

            Map<String, String> typeByEvent = new LinkedHashMap<>();
            List<CloudEvent> events = new ArrayList<>();
            for (int p = 0; p < PAYMENTS; p++) {
                PaymentId payment = PaymentId.of("pay_crash_" + p + "_" + UUID.randomUUID().toString().substring(0, 6));
                events.add(CloudEvent.of(UUID.randomUUID().toString(), 0, t, new PaymentAuthorized(payment,
                        AccountId.of(merchant), FundingSource.CARD, null, "card_1", Money.of(500 + p, "EUR"),
                        t.plus(Duration.ofDays(7)), t)));
                events.add(CloudEvent.of(UUID.randomUUID().toString(), 1, t, new PaymentCaptured(payment,
                        AccountId.of(merchant), FundingSource.CARD, null, Money.of(500 + p, "EUR"),
                        Money.zero(CurrencyCode.of("EUR")), t)));
            }
            events.forEach(e -> typeByEvent.put(e.id(), e.type()));
            topic.publish(events.toArray(CloudEvent[]::new));

            Map<String, String> midBatch = new HashMap<>(env);
            midBatch.put("LEDGER_CONSUMERS_HALT_AFTER_EVENTS", "17");
            ServiceProcess first = ServiceProcess.start("notification-service", "NOTIFICATION_SERVICE_PORT", midBatch);
            assertThat(first.awaitExit(Duration.ofSeconds(120))).as(first.log()).isEqualTo(137);
            assertThat(first.log()).contains("fault injection: halting mid-batch");

            Map<String, String> afterCommit = new HashMap<>(env);
            afterCommit.put("LEDGER_WEBHOOKS_HALT_AFTER_OUTBOX_COMMITS", "1");
            ServiceProcess second = ServiceProcess.start("notification-service", "NOTIFICATION_SERVICE_PORT", afterCommit);
            assertThat(second.awaitExit(Duration.ofSeconds(120))).as(second.log()).isEqualTo(137);
            assertThat(second.log()).contains("fault injection: halting after an outbox commit");
            int deliveredBeforeRestart = receiver.at("/hooks").size();
            assertThat(deliveredBeforeRestart).isLessThan(events.size());

            try (ServiceProcess restarted = ServiceProcess.start("notification-service", "NOTIFICATION_SERVICE_PORT", env)) {
                restarted.awaitHealthy();
                await().atMost(Duration.ofSeconds(90)).until(() -> eventIds(receiver).containsAll(typeByEvent.keySet()));
            }
            List<WebhookReceiver.Received> received = receiver.at("/hooks");
            Map<String, Set<String>> idsPerEvent = received.stream().collect(Collectors.groupingBy(
                    r -> eventId(r), Collectors.mapping(r -> r.header("webhook-id"), Collectors.toSet())));
            assertThat(idsPerEvent).hasSize(events.size());
            assertThat(idsPerEvent.values()).allMatch(ids -> ids.size() == 1);
            Map<String, String> firstTypeBySubject = new HashMap<>();
            for (WebhookReceiver.Received r : received) {
                JsonNode event = JSON.readTree(r.body());
                firstTypeBySubject.putIfAbsent(event.get("subject").asText(), event.get("type").asText());
            }
            assertThat(firstTypeBySubject).hasSize(PAYMENTS).allSatisfy((payment, type) ->
                    assertThat(type).as("first delivery of " + payment).isEqualTo("payment.authorized"));
        }
    }

    private static Set<String> eventIds(WebhookReceiver receiver) {
        return receiver.at("/hooks").stream().map(WebhookCrashIT::eventId).collect(Collectors.toSet());
    }

    private static String eventId(WebhookReceiver.Received received) {
        try {
            return JSON.readTree(received.body()).get("id").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static int post(ServiceProcess service, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(service.uri(path)).header("content-type", "application/json")
                .header("Authorization", TestKeys.adminBearer())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
