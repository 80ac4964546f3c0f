package io.walletledger.notification.delivery;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Standard Webhooks signature: for each signing key, {@code v1,} + base64 of HMAC-SHA256 over
 * {@code <webhook-id>.<webhook-timestamp>.<body>}, space-separated (several during a secret rotation).
 */
public final class WebhookSignature {

    private WebhookSignature() {
    }

    public static String sign(String messageId, long timestampSeconds, byte[] body, List<byte[]> keys) {
        if (keys.isEmpty()) {
            throw new IllegalStateException("an endpoint without a signing secret cannot be delivered to");
        }
        byte[] prefix = (messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8);
        return keys.stream().map(key -> "v1," + hmac(key, prefix, body)).collect(Collectors.joining(" "));
    }

    private static String hmac(byte[] key, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(prefix);
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
