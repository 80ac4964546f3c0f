package io.walletledger.projection.transferview;

import java.time.Instant;

/** A P2P transfer as {@code GET /v1/transfers/{id}} shows it. */
public record TransferView(String id, String sourceAccountId, String destinationAccountId, Amount amount,
                           String description, String status, String failureReason, Instant createdAt,
                           Instant finishedAt) {

    public record Amount(long amount, String currency) {
    }
}
