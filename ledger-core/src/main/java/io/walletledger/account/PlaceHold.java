package io.walletledger.account;

import io.walletledger.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Reserve funds for a payment: checked like a debit (I2, I6, I9). */
public record PlaceHold(
        @TargetAggregateIdentifier AccountId accountId,
        String holdId,
        Money amount,
        AccountId merchantAccountId,
        boolean secondFactorVerified,
        Instant requestedAt) implements AccountCommand {
}
