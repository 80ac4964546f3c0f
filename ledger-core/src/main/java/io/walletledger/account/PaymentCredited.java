package io.walletledger.account;

import io.walletledger.money.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Postings: merchant +net, fee account +fee; for a card payment also card funding −gross (else the payer's HoldCaptured −gross). */
@Revision("1")
public record PaymentCredited(
        AccountId accountId,
        String paymentId,
        Money gross,
        Money fee,
        Money net,
        AccountId feeAccountId,
        AccountId cardFundingAccountId,
        Instant occurredAt) implements AccountEvent {
}
