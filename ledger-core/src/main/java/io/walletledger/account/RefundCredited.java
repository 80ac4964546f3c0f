package io.walletledger.account;

import io.walletledger.money.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Posting: payer +amount. */
@Revision("1")
public record RefundCredited(
        AccountId accountId,
        String paymentId,
        String refundId,
        Money amount,
        AccountId merchantAccountId,
        Instant occurredAt) implements AccountEvent {
}
