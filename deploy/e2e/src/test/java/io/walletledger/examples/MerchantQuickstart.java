package io.walletledger.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The merchant quickstart of docs/quickstart.md as code (ThinPathEndToEndIT runs it against the packaged
 * services, so it cannot rot): register a webhook endpoint, request a payment, let the customer
 * authorize it from their wallet, capture part of it, refund part of that, and verify the signature of
 * every webhook received, with nothing but the JDK and Jackson.
 */
public final class MerchantQuickstart implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String ledger;
    private final String merchantId;
    private final String merchantKey;
    private final String walletAppKey;
    private final HttpServer receiver;
    private final List<String> verified = new CopyOnWriteArrayList<>();
    private volatile String secret;

    private MerchantQuickstart(String ledger, String merchantId, String merchantKey, String walletAppKey,
                               HttpServer receiver) {
        this.ledger = ledger;
        this.merchantId = merchantId;
        this.merchantKey = merchantKey;
        this.walletAppKey = walletAppKey;
        this.receiver = receiver;
    }

    /**
     * Step 1: a webhook receiver of the merchant's, and its endpoint (the secret is shown only now).
     *
     * @param ledger        command-service, e.g. http://127.0.0.1:8081
     * @param notifications notification-service, e.g. http://127.0.0.1:8083
     * @param merchantKey   the merchant's API key (role MERCHANT): its payments, refunds and webhooks
     * @param walletAppKey  the customer's wallet app (a SERVICE key granted payments:authorize)
     */
    public static MerchantQuickstart start(String ledger, String notifications, String merchantId, String merchantKey,
                                           String walletAppKey) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        MerchantQuickstart quickstart = new MerchantQuickstart(ledger, merchantId, merchantKey, walletAppKey, server);
        server.createContext("/webhooks", quickstart::receive);
        server.start();
        try {
            quickstart.secret = post(notifications + "/v1/webhook-endpoints", merchantKey, Map.of(
                    "merchantAccountId", merchantId,
                    "url", "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks",
                    "eventTypes", List.of("payment.captured", "payment.refunded"))).get("secret").asText();
            return quickstart;
        } catch (Exception e) {
            server.stop(0);
            throw e;
        }
    }

    /** Steps 2-4: request 50.00 EUR (captured later: MANUAL), the customer authorizes, 40.00 EUR captured. */
    public String pay(String customerId) throws Exception {
        String payment = post(ledger + "/v1/payments", merchantKey, Map.of("merchantAccountId", merchantId,
                "amount", 5000,
                "currency", "EUR", "orderReference", "order-1042", "captureMethod", "MANUAL")).get("id").asText();
        post(ledger + "/v1/payments/" + payment + "/authorize", walletAppKey, Map.of("payerAccountId", customerId));
        post(ledger + "/v1/payments/" + payment + "/capture", merchantKey, Map.of("amount", 4000, "currency", "EUR"));
        return payment;
    }

    /**
     * Step 5: refund 15.00 EUR. Right after the capture its credit may still be settling: a refusal
     * ({@code insufficient_funds}) is an exception, to be retried a moment later with a new key.
     */
    public JsonNode refund(String payment) throws Exception {
        return post(ledger + "/v1/payments/" + payment + "/refunds", merchantKey,
                Map.of("amount", 1500, "currency", "EUR", "reason", "one item out of stock"));
    }

    /** Step 6: the types of the webhooks received whose signatures verified, in arrival order. */
    public List<String> verifiedWebhooks() {
        return List.copyOf(verified);
    }

    private void receive(com.sun.net.httpserver.HttpExchange exchange) throws java.io.IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        boolean valid;
        try {
            valid = verify(secret, exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body);
        } catch (GeneralSecurityException | RuntimeException e) {
            valid = false;
        }
        if (valid) {
            verified.add(JSON.readTree(body).get("type").asText());
        }
        exchange.sendResponseHeaders(valid ? 204 : 400, -1);
        exchange.close();
    }

    @Override
    public void close() {
        receiver.stop(0);
    }

    /** Standard Webhooks: HMAC-SHA256 of "id.timestamp.body" with the secret's bytes, any "v1," signature, 5 min. */
    public static boolean verify(String secret, String id, String timestamp, String signatures, String body)
            throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        byte[] expected = ("v1," + Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)))).getBytes();
        boolean fresh = Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) <= 300;
        return fresh && Arrays.stream(signatures.split(" ")).anyMatch(s -> MessageDigest.isEqual(s.getBytes(), expected));
    }

    private static JsonNode post(String url, String apiKey, Map<String, Object> body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + url + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
