package io.walletledger.projection.accountview;

import java.time.Instant;

/** The account as {@code GET /v1/accounts/{id}} shows it; available = balance − held. */
public record AccountView(String id, String ownerId, String type, String currency, Amount balance, Amount held,
                          Amount available, String status, Integer kycTier, long version, Instant openedAt,
                          Instant updatedAt) {

    public record Amount(long amount, String currency) {
    }
}
