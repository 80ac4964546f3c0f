package io.walletledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.walletledger.account.AccountId;
import io.walletledger.account.AccountOpened;
import io.walletledger.account.AccountType;
import io.walletledger.account.FundsDeposited;
import io.walletledger.account.PaymentMethod;
import io.walletledger.envelope.CloudEvent;
import io.walletledger.money.CurrencyCode;
import io.walletledger.money.Money;
import io.walletledger.testkit.TestKeys;
import io.walletledger.testkit.EventTopic;
import io.walletledger.testkit.KafkaEndpoint;
import io.walletledger.testkit.PostgresDatabase;
import io.walletledger.testkit.RealServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kills projection-service in the middle of a batch (the JVM halts after applying some events,
 * before their transaction commits), restarts it, and proves every event counted exactly once.
 */
@ExtendWith(RealServices.class)
class ProjectionCrashIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int ACCOUNTS = 20;
    private static final int DEPOSITS = 30;

    @Test
    void a_crash_mid_batch_neither_loses_nor_double_counts_an_event(KafkaEndpoint kafka, PostgresDatabase database)
            throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        Instant t = Instant.parse("2026-11-22T08:00:00Z");
        CurrencyCode chf = CurrencyCode.of("CHF");
        List<CloudEvent> events = new ArrayList<>();
        Map<String, Long> expected = new HashMap<>();
        for (int a = 0; a < ACCOUNTS; a++) {
            AccountId id = AccountId.of("crash-" + run + "-" + a);
            events.add(CloudEvent.of(UUID.randomUUID().toString(), 0, t,
                    new AccountOpened(id, "owner", AccountType.CUSTOMER, chf, 1, t)));
            for (int d = 1; d <= DEPOSITS; d++) {
                long amount = 100L * d + a;
                events.add(CloudEvent.of(UUID.randomUUID().toString(), d, t, new FundsDeposited(id, "dep-" + d,
                        Money.of(amount, "CHF"), PaymentMethod.BANK_TRANSFER, PaymentMethod.BANK_TRANSFER.fundingAccount(chf),
                        null, t.plusSeconds(d))));
                expected.merge(id.value(), amount, Long::sum);
            }
        }
        try (EventTopic topic = new EventTopic(kafka)) {
            topic.publish(events.toArray(CloudEvent[]::new));
        }
        PostgresDatabase db = database.sibling("crash");
        Map<String, String> env = ServiceProcess.environment(kafka, db);

        Map<String, String> faulty = new HashMap<>(env);
        faulty.put("LEDGER_CONSUMERS_HALT_AFTER_EVENTS", "250");
        ServiceProcess crashing = ServiceProcess.start("projection-service", "PROJECTION_SERVICE_PORT", faulty);
        int status = crashing.awaitExit(Duration.ofSeconds(120));
        assertThat(status).as(crashing.log()).isEqualTo(137);
        assertThat(crashing.log()).contains("fault injection: halting mid-batch");

        try (ServiceProcess restarted = ServiceProcess.start("projection-service", "PROJECTION_SERVICE_PORT", env)) {
            restarted.awaitHealthy();
            await().atMost(Duration.ofSeconds(90)).until(() -> expected.entrySet().stream()
                    .allMatch(e -> balance(restarted, e.getKey()) == e.getValue()));
            long total = expected.values().stream().mapToLong(Long::longValue).sum();
            assertThat(balance(restarted, "sys-funding-bank-transfer-chf")).isEqualTo(-total);
            for (String account : expected.keySet()) {
                JsonNode page = get(restarted, "/v1/accounts/" + account + "/transactions?limit=500");
                assertThat(page.get("lines")).as("one statement line per deposit of " + account).hasSize(DEPOSITS);
            }
        }
    }

    private static long balance(ServiceProcess service, String account) {
        try {
            JsonNode view = get(service, "/v1/accounts/" + account);
            return view == null ? Long.MIN_VALUE : view.at("/balance/amount").asLong();
        } catch (Exception e) {
            return Long.MIN_VALUE;
        }
    }

    private static JsonNode get(ServiceProcess service, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(service.uri(path))
                        .header("Authorization", TestKeys.adminBearer()).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }
}
