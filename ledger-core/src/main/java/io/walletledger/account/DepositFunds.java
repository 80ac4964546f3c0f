package io.walletledger.account;

import io.walletledger.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A top-up: the method's SYSTEM funding account is debited, this account credited. */
public record DepositFunds(
        @TargetAggregateIdentifier AccountId accountId,
        String depositId,
        Money amount,
        PaymentMethod method,
        String reference,
        Instant requestedAt) implements AccountCommand {
}
