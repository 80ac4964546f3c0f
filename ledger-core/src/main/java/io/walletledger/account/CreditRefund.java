package io.walletledger.account;

import io.walletledger.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Give a refund back to the payer's wallet. */
public record CreditRefund(
        @TargetAggregateIdentifier AccountId accountId,
        String paymentId,
        String refundId,
        Money amount,
        AccountId merchantAccountId,
        Instant requestedAt) implements AccountCommand {
}
