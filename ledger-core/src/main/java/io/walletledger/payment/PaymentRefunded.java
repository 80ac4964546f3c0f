package io.walletledger.payment;

import io.walletledger.account.AccountId;
import io.walletledger.money.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Postings: RefundDebited (merchant) and RefundCredited (payer) or the card funding account. Fees are not returned. */
@Revision("1")
public record PaymentRefunded(
        PaymentId paymentId,
        AccountId merchantAccountId,
        String refundId,
        Money amount,
        Money totalRefunded,
        boolean fullyRefunded,
        String reason,
        Instant occurredAt) implements PaymentEvent {
}
