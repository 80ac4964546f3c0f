package io.walletledger.account;

import io.walletledger.money.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Postings: merchant −amount; for a card payment also card funding +amount (else the payer's RefundCredited). */
@Revision("1")
public record RefundDebited(
        AccountId accountId,
        String paymentId,
        String refundId,
        Money amount,
        AccountId cardFundingAccountId,
        AccountId payerAccountId,
        Instant occurredAt) implements AccountEvent {
}
