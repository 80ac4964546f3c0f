package io.walletledger.account;

import io.walletledger.money.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Two postings: {@code accountId} −amount, {@code fundingAccountId} +amount. */
@Revision("1")
public record FundsWithdrawn(
        AccountId accountId,
        String withdrawalId,
        Money amount,
        PaymentMethod method,
        AccountId fundingAccountId,
        String reference,
        Instant occurredAt) implements AccountEvent {
}
