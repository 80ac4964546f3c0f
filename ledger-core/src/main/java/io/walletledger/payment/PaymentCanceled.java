package io.walletledger.payment;

import io.walletledger.account.AccountId;
import io.walletledger.money.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** {@code released} is the hold given back, null when nothing was held. */
@Revision("1")
public record PaymentCanceled(
        PaymentId paymentId,
        AccountId merchantAccountId,
        AccountId payerAccountId,
        Money released,
        Instant occurredAt) implements PaymentEvent {
}
