package io.walletledger.command;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.walletledger.testkit.KafkaEndpoint;
import io.walletledger.testkit.PostgresDatabase;
import io.walletledger.testkit.ServiceProperties;
import io.walletledger.testkit.TestKeys;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

/** command-service on a random port against a real broker and a real PostgreSQL database. */
final class CommandServiceRunning implements AutoCloseable {

    private final EmbeddedServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String apiKey;

    private CommandServiceRunning(EmbeddedServer server, String apiKey) {
        this.server = server;
        this.apiKey = apiKey;
    }

    /** The same service, its requests sent with another API key (null: none). */
    CommandServiceRunning as(String apiKey) {
        return new CommandServiceRunning(server, apiKey);
    }

    ApplicationContext context() {
        return server.getApplicationContext();
    }

    URI uri(String path) {
        return URI.create(server.getURL() + path);
    }

    static CommandServiceRunning start(KafkaEndpoint kafka, PostgresDatabase database) {
        return start(kafka, database, Map.of());
    }

    static CommandServiceRunning start(KafkaEndpoint kafka, PostgresDatabase database, Map<String, Object> extra) {
        // snapshots every few events, so that every test also loads aggregates from snapshots
        Map<String, Object> properties = new java.util.HashMap<>(Map.of("ledger.snapshots.threshold", 3));
        properties.putAll(extra);
        return new CommandServiceRunning(ApplicationContext.run(EmbeddedServer.class,
                ServiceProperties.of(kafka, database, properties)), TestKeys.ADMIN);
    }

    /** POSTs JSON under a fresh Idempotency-Key. */
    HttpResponse<String> post(String path, String json) throws Exception {
        return post(path, json, "application/json", UUID.randomUUID().toString());
    }

    HttpResponse<String> post(String path, String body, String contentType) throws Exception {
        return post(path, body, contentType, UUID.randomUUID().toString());
    }

    HttpResponse<String> post(String path, String body, String contentType, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(authorized(request).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postWithKey(String path, String json, String idempotencyKey) throws Exception {
        return post(path, json, "application/json", idempotencyKey);
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(authorized(HttpRequest.newBuilder(URI.create(server.getURL() + path)).GET()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return apiKey == null ? request : request.header("Authorization", "Bearer " + apiKey);
    }

    /** Operations retried after losing an optimistic race on an aggregate, so far. */
    double retries() {
        return meters().counter("ledger.commands.concurrency.retries").count();
    }

    io.micrometer.core.instrument.MeterRegistry meters() {
        return server.getApplicationContext().getBean(io.micrometer.core.instrument.MeterRegistry.class);
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }
}
