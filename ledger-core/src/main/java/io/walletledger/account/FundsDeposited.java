package io.walletledger.account;

import io.walletledger.money.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A balanced movement of two postings: {@code fundingAccountId} −amount, {@code accountId} +amount.
 * The SYSTEM funding account has no stream of its own: its balance is the sum of these postings,
 * so a busy funding account never serializes deposits (hot account design).
 */
@Revision("1")
public record FundsDeposited(
        AccountId accountId,
        String depositId,
        Money amount,
        PaymentMethod method,
        AccountId fundingAccountId,
        String reference,
        Instant occurredAt) implements AccountEvent {
}
