package io.walletledger.notification;

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
import io.walletledger.testkit.EventTopic;
import io.walletledger.testkit.TestKeys;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Real HTTP calls to a started notification-service, with the test admin key unless {@link #as(String)}
 * names another, and the events its tests publish.
 */
public final class NotificationApi {

    public static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final EventTopic topic;
    private final String apiKey;
    private final HttpClient http;

    public NotificationApi(String base, EventTopic topic) {
        this(base, topic, TestKeys.ADMIN, HttpClient.newHttpClient());
    }

    private NotificationApi(String base, EventTopic topic, String apiKey, HttpClient http) {
        this.base = base;
        this.topic = topic;
        this.apiKey = apiKey;
        this.http = http;
    }

    /** The same service called with another API key (null: with none). */
    public NotificationApi as(String apiKey) {
        return new NotificationApi(base, topic, apiKey, http);
    }

    /** A response; {@code json} when its body is JSON, {@code body} empty for a live stream (it never ends). */
    public record Response(int status, String contentType, JsonNode json, String body,
                           java.net.http.HttpHeaders headers) {
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The problem's machine code, null when the response is not a problem. */
        public String code() {
            return json == null ? null : json.path("code").asText(null);
        }
    }

    public Response send(String method, String path, String body) throws Exception {
        return send(method, path, body, java.util.Map.of());
    }

    public Response send(String method, String path, String body, java.util.Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("content-type", "application/json");
        }
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        headers.forEach(request::header);
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        String contentType = response.headers().firstValue("content-type").orElse("");
        try (InputStream stream = response.body()) {
            String text = contentType.startsWith("text/event-stream") ? ""
                    : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            JsonNode json = text.isEmpty() || !contentType.contains("json") ? null : JSON.readTree(text);
            return new Response(response.statusCode(), contentType, json, text, response.headers());
        }
    }

    public Response get(String path) throws Exception {
        return send("GET", path, null);
    }

    /** Opens a MERCHANT account on the event topic (the service learns of it from there). */
    public String newMerchant() throws Exception {
        String merchant = "acc_m_" + UUID.randomUUID().toString().substring(0, 12);
        topic.publish(CloudEvent.of(UUID.randomUUID().toString(), 0, T0, new AccountOpened(AccountId.of(merchant),
                "owner-" + merchant, AccountType.MERCHANT, CurrencyCode.of("EUR"), 1, T0)));
        return merchant;
    }

    /**
     * Registers an endpoint, waiting while the merchant is still unknown to the service (422 until its
     * opening is consumed); returns the created endpoint with its secret.
     */
    public JsonNode createEndpoint(String merchant, String url, List<String> types) throws Exception {
        String body = JSON.writeValueAsString(java.util.Map.of(
                "merchantAccountId", merchant, "url", url, "eventTypes", types, "description", "test endpoint"));
        Response[] created = new Response[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            created[0] = send("POST", "/v1/webhook-endpoints", body);
            return created[0].status() != 422;
        });
        if (created[0].status() != 201) {
            throw new AssertionError("endpoint not created: " + created[0]);
        }
        return created[0].json();
    }

    public static CloudEvent authorized(String payment, String merchant, long sequence) {
        return CloudEvent.of(UUID.randomUUID().toString(), sequence, T0, new PaymentAuthorized(PaymentId.of(payment),
                AccountId.of(merchant), FundingSource.CARD, null, "card_4242", Money.of(1_250, "EUR"),
                T0.plus(Duration.ofDays(7)), T0));
    }

    public static CloudEvent captured(String payment, String merchant, long sequence) {
        return CloudEvent.of(UUID.randomUUID().toString(), sequence, T0, new PaymentCaptured(PaymentId.of(payment),
                AccountId.of(merchant), FundingSource.CARD, null, Money.of(1_250, "EUR"),
                Money.zero(CurrencyCode.of("EUR")), T0));
    }

    public static String payment() {
        return "pay_" + UUID.randomUUID().toString().substring(0, 12);
    }

    public static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
