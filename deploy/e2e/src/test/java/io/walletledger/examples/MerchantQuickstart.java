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
public final class MerchantQuickstart {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** What the run saw: the payment's final status and the webhook types whose signatures verified. */
    public record Outcome(String paymentId, String status, List<String> verifiedWebhooks) {
    }

    /**
     * @param ledger        command-service, e.g. http://127.0.0.1:8081
     * @param notifications notification-service, e.g. http://127.0.0.1:8083
     */
    public static Outcome run(String ledger, String notifications, String merchantId, String customerId)
            throws Exception {
        // 1. a webhook receiver of the merchant's, and its endpoint: the secret is shown only now
        List<String> verified = new CopyOnWriteArrayList<>();
        String[] secret = new String[1];
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/webhooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean valid;
            try {
                valid = verify(secret[0], exchange.getRequestHeaders().getFirst("webhook-id"),
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
        });
        receiver.start();
        try {
            secret[0] = post(notifications + "/v1/webhook-endpoints", Map.of("merchantAccountId", merchantId,
                    "url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhooks",
                    "eventTypes", List.of("payment.captured", "payment.refunded"))).get("secret").asText();

            // 2. request a payment of 50.00 EUR, captured by the merchant later (MANUAL)
            String payment = post(ledger + "/v1/payments", Map.of("merchantAccountId", merchantId, "amount", 5000,
                    "currency", "EUR", "orderReference", "order-1042", "captureMethod", "MANUAL")).get("id").asText();
            // 3. the customer authorizes it from their wallet: 50.00 EUR are held
            post(ledger + "/v1/payments/" + payment + "/authorize", Map.of("payerAccountId", customerId));
            // 4. the merchant ships part of the order and captures 40.00 EUR; the rest is released
            post(ledger + "/v1/payments/" + payment + "/capture", Map.of("amount", 4000, "currency", "EUR"));
            // 5. and refunds 15.00 EUR of it (retried while the capture's credit is still settling)
            JsonNode refunded = null;
            for (int attempt = 0; refunded == null; attempt++) {
                try {
                    refunded = post(ledger + "/v1/payments/" + payment + "/refunds",
                            Map.of("amount", 1500, "currency", "EUR", "reason", "one item out of stock"));
                } catch (IllegalStateException notYet) {
                    if (attempt == 50) {
                        throw notYet;
                    }
                    Thread.sleep(200);
                }
            }
            // 6. both webhooks arrive signed (verified in the receiver above)
            for (int wait = 0; verified.size() < 2 && wait < 150; wait++) {
                Thread.sleep(200);
            }
            return new Outcome(payment, refunded.get("status").asText(), List.copyOf(verified));
        } finally {
            receiver.stop(0);
        }
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

    private static JsonNode post(String url, Map<String, Object> body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
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
