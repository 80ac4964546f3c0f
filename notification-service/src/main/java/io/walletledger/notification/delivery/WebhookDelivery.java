package io.walletledger.notification.delivery;

import java.time.Instant;
import java.util.List;

/**
 * One event for one endpoint, as the delivery log shows it: PENDING (due at {@code nextAttemptAt}),
 * SUCCEEDED or DEAD (every scheduled attempt failed), with every attempt made.
 */
public record WebhookDelivery(
        long id,
        String endpointId,
        String webhookId,
        String eventId,
        String eventType,
        String subject,
        String status,
        int attempts,
        Instant nextAttemptAt,
        Instant createdAt,
        Instant lastAttemptAt,
        Instant finishedAt,
        List<Attempt> attemptLog) {

    /** One HTTP attempt: its time, the receiver's status (none on a connection error), latency, error. */
    public record Attempt(int attempt, Instant attemptedAt, Integer statusCode, long latencyMillis, String error,
                          String responseBody, boolean manual) {
    }
}
