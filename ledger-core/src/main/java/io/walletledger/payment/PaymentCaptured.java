package io.walletledger.payment;

import io.walletledger.account.AccountId;
import io.walletledger.money.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The postings are on the accounts' streams: HoldCaptured (payer) and PaymentCredited (merchant, fee). */
@Revision("1")
public record PaymentCaptured(
        PaymentId paymentId,
        AccountId merchantAccountId,
        FundingSource fundingSource,
        AccountId payerAccountId,
        Money captured,
        Money released,
        Instant occurredAt) implements PaymentEvent {
}
