package io.walletledger.notification.delivery;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.walletledger.account.AccountId;
import io.walletledger.account.AccountOpened;
import io.walletledger.account.AccountType;
import io.walletledger.envelope.CloudEvent;
import io.walletledger.money.CurrencyCode;
import io.walletledger.testkit.EventTopic;
import io.walletledger.testkit.KafkaEndpoint;
import io.walletledger.testkit.PostgresDatabase;
import io.walletledger.testkit.RealServices;
import io.walletledger.testkit.ServiceProperties;
import io.walletledger.testkit.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(RealServices.class)
class EventIntakeTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Pattern OPENED = Pattern.compile(
            "ledger_notification_events_total\\{type=\"account.opened\"} ([0-9.]+)");
    private static final Pattern LAG = Pattern.compile(
            "ledger_consumer_lag\\{consumer=\"notification-service.delivery\",partition=\"\\d+\"} ([0-9.]+)");
    private static EmbeddedServer server;
    private static EventTopic topic;

    @BeforeAll
    static void start(KafkaEndpoint kafka, PostgresDatabase db) throws Exception {
        topic = new EventTopic(kafka);
        server = ApplicationContext.run(EmbeddedServer.class, ServiceProperties.of(kafka, db));
    }

    @AfterAll
    static void stop() {
        server.getApplicationContext().close();
        topic.close();
    }

    @Test
    void every_consumed_event_is_counted_by_type_on_the_metrics_endpoint() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(EventIntakeTest::caughtUp); // other classes' events on the topic
        double before = openedCount();
        for (int i = 0; i < 3; i++) {
            topic.publish(CloudEvent.of(UUID.randomUUID().toString(), 0, T0, new AccountOpened(
                    AccountId.of("acc-n-" + UUID.randomUUID()), "o", AccountType.CUSTOMER, CurrencyCode.of("EUR"), 1, T0)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> openedCount() == before + 3);
    }

    @Test
    void health_is_up_once_ready() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.getURL() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    private static boolean caughtUp() throws Exception {
        Matcher lag = LAG.matcher(metrics());
        boolean any = false;
        while (lag.find()) {
            any = true;
            if (Double.parseDouble(lag.group(1)) != 0) {
                return false;
            }
        }
        return any;
    }

    private static String metrics() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + "/prometheus"))
                .header("Authorization", TestKeys.adminBearer()).build();
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).as(metrics.body()).isEqualTo(200);
        return metrics.body();
    }

    private static double openedCount() throws Exception {
        Matcher m = OPENED.matcher(metrics());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
