package io.walletledger.projection.paymentview;

import io.walletledger.projection.accountview.AccountView.Amount;

import java.time.Instant;
import java.util.List;

/**
 * A payment as {@code GET /v1/payments/{id}} shows it: amounts authorized, captured, refunded, the
 * merchant's fee (known once the merchant was credited) and every event in order.
 */
public record PaymentView(String id, String merchantAccountId, String payerAccountId, String paymentMethod,
                          String status, Amount amount, Amount authorized, Amount captured, Amount refunded,
                          Amount fee, Amount merchantNet, String captureMethod, String orderReference,
                          String description, Instant expiresAt, Instant createdAt, Instant updatedAt, long version,
                          List<TimelineEntry> timeline) {

    public record TimelineEntry(String eventId, String type, Amount amount, String detail, Instant occurredAt) {
    }
}
