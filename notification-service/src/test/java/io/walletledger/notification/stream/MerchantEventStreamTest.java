package io.walletledger.notification.stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.walletledger.envelope.CloudEvent;
import io.walletledger.notification.NotificationApi;
import io.walletledger.servicekit.security.ApiKeyRegistry;
import io.walletledger.servicekit.security.Role;
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

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.walletledger.notification.NotificationApi.authorized;
import static io.walletledger.notification.NotificationApi.captured;
import static io.walletledger.notification.NotificationApi.payment;
import static org.assertj.core.api.Assertions.assertThat;

/** The live stream over real HTTP: events as they are consumed, and resumption with Last-Event-ID. */
@ExtendWith(RealServices.class)
class MerchantEventStreamTest {

    private static EmbeddedServer server;
    private static EventTopic topic;
    private static NotificationApi api;

    @BeforeAll
    static void start(KafkaEndpoint kafka, PostgresDatabase db) throws Exception {
        topic = new EventTopic(kafka);
        server = ApplicationContext.run(EmbeddedServer.class, ServiceProperties.of(kafka, db));
        api = new NotificationApi(server.getURL().toString(), topic);
    }

    @AfterAll
    static void stop() {
        server.getApplicationContext().close();
        topic.close();
    }

    /** One SSE message: the id, event and data fields of a frame. */
    record Frame(String id, String event, String data) {
    }

    /** Reads frames from a real streaming HTTP response on a background thread. */
    static final class Subscription implements AutoCloseable {
        private final InputStream body;
        private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
        private final java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
        final int status;
        final String contentType;

        Subscription(String url, String lastEventId) throws Exception {
            this(url, lastEventId, TestKeys.ADMIN);
        }

        Subscription(String url, String lastEventId, String apiKey) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("accept", "text/event-stream")
                    .header("Authorization", "Bearer " + apiKey);
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            status = response.statusCode();
            contentType = response.headers().firstValue("content-type").orElse("");
            body = response.body();
            Thread.ofVirtual().start(this::read);
        }

        private void read() {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String id = null;
                String event = null;
                StringBuilder data = new StringBuilder();
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.isEmpty()) {
                        if (!data.isEmpty() || event != null) {
                            frames.add(new Frame(id, event, data.toString()));
                        }
                        id = null;
                        event = null;
                        data.setLength(0);
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).trim();
                    } else if (line.startsWith("event:")) {
                        event = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).trim());
                    }
                }
            } catch (Exception e) {
                // closed by the test
            } finally {
                ended.countDown();
            }
        }

        /** Whether the server ended the stream within the time given. */
        boolean endsWithin(Duration timeout) throws InterruptedException {
            return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** The next frames that are not heartbeats. */
        List<Frame> next(int count) throws InterruptedException {
            java.util.ArrayList<Frame> got = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (got.size() < count) {
                Frame frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (frame == null) {
                    throw new AssertionError("only " + got.size() + " of " + count + " events arrived: " + got);
                }
                if (!"heartbeat".equals(frame.event())) {
                    got.add(frame);
                }
            }
            return got;
        }

        @Override
        public void close() throws Exception {
            body.close();
        }
    }

    @Test
    void events_stream_live_and_a_reconnect_with_last_event_id_resumes_after_it() throws Exception {
        String merchant = api.newMerchant();
        api.createEndpoint(merchant, "https://203.0.113.10/hooks", List.of("payment.captured"));
        String url = server.getURL() + "/v1/merchants/" + merchant + "/events";
        String pay = payment();
        List<CloudEvent> events = List.of(authorized(pay, merchant, 0), captured(pay, merchant, 1),
                authorized(payment(), merchant, 0), authorized(payment(), merchant, 0), authorized(payment(), merchant, 0));

        List<Frame> live;
        try (Subscription first = new Subscription(url, null)) {
            assertThat(first.status).isEqualTo(200);
            assertThat(first.contentType).startsWith("text/event-stream");
            topic.publish(events.get(0), events.get(1));
            live = first.next(2);
        }
        assertThat(live).extracting(Frame::event).containsExactly("payment.authorized", "payment.captured");
        assertThat(live).extracting(f -> json(f.data()).get("id").asText())
                .containsExactly(events.get(0).id(), events.get(1).id());
        assertThat(Long.parseLong(live.get(1).id())).isGreaterThan(Long.parseLong(live.get(0).id()));

        topic.publish(events.get(2), events.get(3), events.get(4));
        try (Subscription resumed = new Subscription(url, live.get(0).id())) {
            List<Frame> frames = resumed.next(4);
            assertThat(frames).extracting(f -> json(f.data()).get("id").asText()).containsExactlyInAnyOrder(
                    events.get(1).id(), events.get(2).id(), events.get(3).id(), events.get(4).id());
            assertThat(frames.get(0).id()).isEqualTo(live.get(1).id());
            assertThat(frames).extracting(f -> Long.parseLong(f.id())).isSorted();
        }
        try (Subscription filtered = new Subscription(url + "?types=payment.captured&lastEventId=0", null)) {
            Frame only = filtered.next(1).get(0);
            assertThat(only.event()).isEqualTo("payment.captured");
            assertThat(only.id()).isEqualTo(live.get(1).id());
        }
    }

    @Test
    void a_stream_ends_when_the_key_that_opened_it_is_revoked() throws Exception {
        String merchant = api.newMerchant();
        api.createEndpoint(merchant, "https://203.0.113.10/hooks", List.of("payment.captured"));
        ApiKeyRegistry registry = server.getApplicationContext().getBean(ApiKeyRegistry.class);
        ApiKeyRegistry.Issued key = registry.issue(Role.MERCHANT, merchant, List.of(), "stream", null, null);
        try (Subscription stream = new Subscription(server.getURL() + "/v1/merchants/" + merchant + "/events", null,
                key.plaintext())) {
            assertThat(stream.status).isEqualTo(200);
            String pay = payment();
            topic.publish(authorized(pay, merchant, 0));
            assertThat(stream.next(1)).extracting(Frame::event).containsExactly("payment.authorized");
            assertThat(stream.endsWithin(Duration.ofMillis(1500))).as("open while the key is valid").isFalse();

            registry.revoke(key.record());
            assertThat(stream.endsWithin(Duration.ofSeconds(10))).as("ended after the revocation").isTrue();
        }
    }

    @Test
    void an_unknown_merchant_or_a_malformed_resume_point_is_a_problem() throws Exception {
        NotificationApi.Response unknown = api.get("/v1/merchants/acc_nobody/events");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        String merchant = api.newMerchant();
        api.createEndpoint(merchant, "https://203.0.113.10/hooks", List.of("payment.captured"));
        for (String resumePoint : List.of("abc", "-1", "%201", "1%20", "%2B1", "%D9%A1", "99999999999999999999")) {
            NotificationApi.Response badId = api.get("/v1/merchants/" + merchant + "/events?lastEventId=" + resumePoint);
            assertThat(badId.status()).as(resumePoint).isEqualTo(400);
            assertThat(badId.json().get("detail").asText()).contains("Last-Event-ID");
        }
        NotificationApi.Response badType = api.get("/v1/merchants/" + merchant + "/events?types=payment.nope");
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.json().get("detail").asText()).contains("payment.nope");
    }

    private static JsonNode json(String text) {
        try {
            return NotificationApi.json(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
