package io.walletledger.account;

import io.walletledger.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A pay-out: this account is debited (I2, I6, I9 checked), the method's SYSTEM funding account credited. */
public record WithdrawFunds(
        @TargetAggregateIdentifier AccountId accountId,
        String withdrawalId,
        Money amount,
        PaymentMethod method,
        String reference,
        Instant requestedAt) implements AccountCommand {
}
