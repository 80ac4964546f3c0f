package io.walletledger.payment;

import io.walletledger.account.AccountId;
import io.walletledger.money.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** For WALLET the payer's hold carries the money (FundsHeld on the payer's stream); CARD is pass-through. */
@Revision("1")
public record PaymentAuthorized(
        PaymentId paymentId,
        AccountId merchantAccountId,
        FundingSource fundingSource,
        AccountId payerAccountId,
        String cardReference,
        Money amount,
        Instant holdExpiresAt,
        Instant occurredAt) implements PaymentEvent {
}
