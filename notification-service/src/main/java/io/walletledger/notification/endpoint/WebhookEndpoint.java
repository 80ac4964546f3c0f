package io.walletledger.notification.endpoint;

import java.time.Instant;
import java.util.List;

/**
 * A merchant's webhook endpoint as the API shows it. {@code secret} is set only in the response that
 * created or rotated it; {@code disabledReason} says why a failing endpoint was switched off.
 */
public record WebhookEndpoint(
        String id,
        String merchantAccountId,
        String url,
        List<String> eventTypes,
        String description,
        boolean enabled,
        String disabledReason,
        Instant disabledAt,
        Instant failingSince,
        Instant createdAt,
        Instant updatedAt,
        String secret,
        Instant previousSecretExpiresAt) {

    WebhookEndpoint withSecret(String newSecret, Instant previousExpiresAt) {
        return new WebhookEndpoint(id, merchantAccountId, url, eventTypes, description, enabled, disabledReason,
                disabledAt, failingSince, createdAt, updatedAt, newSecret, previousExpiresAt);
    }
}
