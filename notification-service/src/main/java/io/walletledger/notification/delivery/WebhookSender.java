package io.walletledger.notification.delivery;

import io.walletledger.notification.WebhookSettings;
import io.walletledger.notification.endpoint.DestinationPolicy;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP attempt: POST of the event with the Standard Webhooks headers. Redirects are never followed;
 * the destination is checked against {@link DestinationPolicy} first; at most
 * {@code ledger.webhooks.max-response-bytes} of the response are read, within the attempt's timeout.
 * Only a 2xx status is a success.
 */
@Singleton
class WebhookSender {

    static final String USER_AGENT = "WalletLedger-Webhooks/1";

    private final HttpClient client;
    private final DestinationPolicy destinations;
    private final Duration timeout;
    private final int maxResponseBytes;
    private final ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();

    WebhookSender(DestinationPolicy destinations, WebhookSettings settings) {
        this.destinations = destinations;
        this.timeout = settings.getTimeout();
        this.maxResponseBytes = settings.getMaxResponseBytes();
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout.compareTo(Duration.ofSeconds(5)) < 0 ? timeout : Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    DeliveryRepository.Outcome send(String url, String messageId, long timestampSeconds, String signature,
                                    byte[] body) {
        long started = System.nanoTime();
        URI uri;
        try {
            uri = URI.create(url);
            destinations.checkBeforeSending(uri);
        } catch (DestinationPolicy.Refused | IllegalArgumentException e) {
            return failure(started, null, "destination refused: " + e.getMessage(), null);
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("content-type", "application/json")
                .header("user-agent", USER_AGENT)
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestampSeconds))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            return failure(started, null, "timed out after " + timeout.toMillis() + " ms", null);
        } catch (ConnectException e) {
            return failure(started, null, "connection failed: " + describe(e), null);
        } catch (IOException e) {
            return failure(started, null, "I/O error: " + describe(e), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure(started, null, "interrupted (shutting down)", null);
        }
        String excerpt = readExcerpt(response.body(), started);
        int status = response.statusCode();
        long latency = elapsedMillis(started);
        if (status >= 200 && status < 300) {
            return new DeliveryRepository.Outcome(true, status, latency, null, excerpt);
        }
        String error = status >= 300 && status < 400
                ? "HTTP " + status + " (redirects are not followed; register the final URL)"
                : "HTTP " + status;
        return new DeliveryRepository.Outcome(false, status, latency, error, excerpt);
    }

    /** Up to the limit, within what is left of the timeout; the rest of the body is discarded unread. */
    private String readExcerpt(InputStream body, long started) {
        long left = timeout.toNanos() - (System.nanoTime() - started);
        Future<byte[]> read = readers.submit(() -> body.readNBytes(maxResponseBytes));
        try {
            byte[] bytes = read.get(Math.max(left, 1), TimeUnit.NANOSECONDS);
            return bytes.length == 0 ? null : new String(bytes, StandardCharsets.UTF_8);
        } catch (TimeoutException | ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            read.cancel(true);
            try {
                body.close();
            } catch (IOException ignored) {
                // the connection is dropped; nothing else to release
            }
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static DeliveryRepository.Outcome failure(long started, Integer status, String error, String body) {
        return new DeliveryRepository.Outcome(false, status, elapsedMillis(started), error, body);
    }

    private static long elapsedMillis(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    @PreDestroy
    void close() {
        readers.shutdownNow();
        client.close();
    }
}
