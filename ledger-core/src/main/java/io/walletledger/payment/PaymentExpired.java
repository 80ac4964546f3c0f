package io.walletledger.payment;

import io.walletledger.account.AccountId;
import io.walletledger.money.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An unauthorized request passed its expiry (REQUEST) or an uncaptured hold was released (HOLD). */
@Revision("1")
public record PaymentExpired(
        PaymentId paymentId,
        AccountId merchantAccountId,
        ExpiryStage stage,
        AccountId payerAccountId,
        Money released,
        Instant occurredAt) implements PaymentEvent {
}
