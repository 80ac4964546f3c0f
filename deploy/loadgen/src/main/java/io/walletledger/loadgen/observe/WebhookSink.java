package io.walletledger.loadgen.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.walletledger.loadgen.command.LedgerHttp;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A webhook receiver on loopback (the local profile lets notification-service deliver over http to 127.0.0.1):
 * it answers 204 at once and keeps, per payment, the first {@code payment.captured} delivery's latency,
 * its arrival minus the event's {@code time}. Signatures are not checked: only timing matters here.
 */
public final class WebhookSink implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TYPE = "payment.captured";

    private final Map<String, Long> firstArrivalMicros = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final HttpServer server;

    public WebhookSink() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.createContext("/hooks/loadgen", this::receive);
        server.setExecutor(executor);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/loadgen";
    }

    private void receive(HttpExchange exchange) throws IOException {
        Instant arrived = Instant.now();
        try (exchange; InputStream body = exchange.getRequestBody()) {
            JsonNode event = JSON.readTree(body.readAllBytes());
            if (TYPE.equals(event.path("type").asText())) {
                Duration latency = Duration.between(Instant.parse(event.path("time").asText()), arrived);
                firstArrivalMicros.putIfAbsent(event.path("subject").asText(), Math.max(0, latency.toNanos() / 1000));
            }
            exchange.sendResponseHeaders(204, -1);
        } catch (RuntimeException e) {
            exchange.sendResponseHeaders(400, -1);
        }
    }

    /** Registers this receiver for the merchant's payment.captured, retrying while the services catch up. */
    public String register(LedgerHttp http, String notificationUrl, String merchantKey, String merchantAccountId)
            throws Exception {
        String body = JSON.createObjectNode().put("merchantAccountId", merchantAccountId).put("url", url())
                .put("description", "loadgen webhook latency").set("eventTypes", JSON.valueToTree(List.of(TYPE)))
                .toString();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        LedgerHttp.Reply reply;
        do {
            // 401: the new key has not reached notification-service yet; 422 unknown_merchant: nor the account
            reply = http.post(notificationUrl + "/v1/webhook-endpoints", "Bearer " + merchantKey, null, body);
            if (reply.status() == 201) {
                return reply.json().path("id").asText();
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException("could not register the webhook endpoint: HTTP " + reply.status() + " "
                + reply.json());
    }

    /** The first-delivery latencies of the payments given, and how many of them arrived. */
    public Histogram latencies(Collection<String> paymentIds) {
        Histogram histogram = new Histogram(3_600_000_000L, 3);
        for (String id : paymentIds) {
            Long micros = firstArrivalMicros.get(id);
            if (micros != null) {
                histogram.recordValue(Math.min(micros, histogram.getHighestTrackableValue()));
            }
        }
        return histogram;
    }

    /** Waits until every payment given has had its delivery, or the timeout has passed. */
    public void awaitDeliveries(Collection<String> paymentIds, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && !firstArrivalMicros.keySet().containsAll(paymentIds)) {
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
