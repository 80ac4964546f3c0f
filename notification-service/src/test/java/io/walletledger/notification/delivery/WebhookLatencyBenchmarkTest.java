package io.walletledger.notification.delivery;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.walletledger.envelope.CloudEvent;
import io.walletledger.notification.NotificationApi;
import io.walletledger.testkit.EventTopic;
import io.walletledger.testkit.KafkaEndpoint;
import io.walletledger.testkit.PostgresDatabase;
import io.walletledger.testkit.RealServices;
import io.walletledger.testkit.ServiceProperties;
import io.walletledger.testkit.WebhookReceiver;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

import static io.walletledger.notification.NotificationApi.authorized;
import static io.walletledger.notification.NotificationApi.captured;
import static io.walletledger.notification.NotificationApi.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rerunnable benchmark of webhook latency: events published open-loop at a steady rate to a real
 * broker, the service on PostgreSQL delivering to a real receiver on loopback; latency is the receiver's
 * arrival time minus the event's Kafka timestamp. Prints and writes (target/webhook-latency.txt)
 * p50/p99/max; asserts only that every event arrived. Size it with -Dledger.bench.webhook.events and
 * -Dledger.bench.webhook.rate (events/s); the default is a short smoke run. See docs/performance.md.
 */
@ExtendWith(RealServices.class)
class WebhookLatencyBenchmarkTest {

    @Test
    void measures_the_delay_from_kafka_to_the_first_delivery_attempt(KafkaEndpoint kafka, PostgresDatabase db)
            throws Exception {
        int events = Integer.getInteger("ledger.bench.webhook.events", 400);
        int rate = Integer.getInteger("ledger.bench.webhook.rate", 200);
        try (EventTopic topic = new EventTopic(kafka); WebhookReceiver receiver = new WebhookReceiver()) {
            EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, ServiceProperties.of(kafka, db, Map.of(
                    "ledger.webhooks.require-https", false, "ledger.webhooks.allowed-networks", "127.0.0.0/8")));
            try {
                NotificationApi api = new NotificationApi(server.getURL().toString(), topic);
                String merchant = api.newMerchant();
                api.createEndpoint(merchant, receiver.url("/bench"), List.of("payment.authorized", "payment.captured"));

                Map<String, Future<RecordMetadata>> sent = new HashMap<>();
                long interval = 1_000_000_000L / rate;
                long start = System.nanoTime();
                String pay = null;
                for (int i = 0; i < events; i++) {
                    LockSupport.parkNanos(start + i * interval - System.nanoTime());
                    CloudEvent event = i % 2 == 0 ? authorized(pay = payment(), merchant, 0) : captured(pay, merchant, 1);
                    sent.put(event.id(), topic.send(event));
                }
                await().atMost(Duration.ofSeconds(60 + events / 50)).until(() -> firstArrivals(receiver).size() == events);

                Map<String, Long> arrivals = firstArrivals(receiver);
                List<Long> latencies = new ArrayList<>();
                for (Map.Entry<String, Future<RecordMetadata>> e : sent.entrySet()) {
                    latencies.add(arrivals.get(e.getKey()) - e.getValue().get().timestamp());
                }
                latencies.sort(Long::compare);
                String summary = String.format("webhook latency (Kafka timestamp -> receiver), %d events at %d/s: "
                                + "p50 %d ms, p99 %d ms, max %d ms", events, rate, percentile(latencies, 0.50),
                        percentile(latencies, 0.99), latencies.get(latencies.size() - 1));
                System.out.println(summary);
                Files.writeString(Path.of("target", "webhook-latency.txt"), summary + System.lineSeparator());
                assertThat(arrivals).hasSize(events);
            } finally {
                server.getApplicationContext().close();
            }
        }
    }

    private static Map<String, Long> firstArrivals(WebhookReceiver receiver) {
        Map<String, Long> first = new HashMap<>();
        for (WebhookReceiver.Received r : receiver.at("/bench")) {
            try {
                first.putIfAbsent(NotificationApi.json(r.body()).get("id").asText(), r.arrivedAtMillis());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return first;
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
