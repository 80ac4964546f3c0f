package io.walletledger.e2e.faults;

import io.walletledger.testkit.TestKeys;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/** Registers the merchants' webhook endpoints on notification-service. */
final class Endpoints {

    private final HttpClient http = HttpClient.newHttpClient();
    private final Supplier<URI> notifications;

    Endpoints(Supplier<URI> notifications) {
        this.notifications = notifications;
    }

    /**
     * Retried while notification-service has not yet read the merchant's account.opened (422
     * unknown_merchant, recorded under its key: so each attempt has a key of its own).
     */
    void register(String merchant, String url, List<String> types) {
        String body = "{\"merchantAccountId\":\"" + merchant + "\",\"url\":\"" + url + "\",\"eventTypes\":["
                + types.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(",")) + "]}";
        await("webhook endpoint of " + merchant).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions().until(() -> http.send(HttpRequest.newBuilder(notifications.get()
                                .resolve("/v1/webhook-endpoints"))
                        .header("Authorization", "Bearer " + TestKeys.ADMIN)
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 201);
    }
}
