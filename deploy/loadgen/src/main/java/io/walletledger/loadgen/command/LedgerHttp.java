package io.walletledger.loadgen.command;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The generator's one HTTP/1.1 client (connections kept alive and pooled) and its JSON calls. */
public final class LedgerHttp implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ExecutorService executor = Executors.newFixedThreadPool(4, Thread.ofPlatform().daemon()
            .name("loadgen-http-", 0).factory());
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(executor).build();

    /** A response: status, the {@code Consistency} header, and the body parsed (null when empty or not JSON). */
    public record Reply(int status, String consistency, JsonNode json) {
    }

    public Reply post(String url, String bearer, String idempotencyKey, String json) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    public Reply get(String url, String bearer, String consistencyToken) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Authorization", bearer).GET();
        if (consistencyToken != null) {
            request.header("Consistency-Token", consistencyToken);
        }
        return send(request.build());
    }

    /** A text body (the Prometheus scrape), or null unless the answer is 200. */
    public String getText(String url, String bearer) throws IOException {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                    .header("Authorization", bearer).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    public Reply delete(String url, String bearer) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Authorization", bearer)
                .DELETE().build());
    }

    private Reply send(HttpRequest request) throws IOException {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = response.body();
            JsonNode json = null;
            if (body.length > 0 && (body[0] == '{' || body[0] == '[')) {
                json = Command.JSON.readTree(body);
            }
            return new Reply(response.statusCode(), response.headers().firstValue("Consistency").orElse(null), json);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() {
        client.close();
        executor.shutdownNow();
    }
}
