package io.walletledger.account;

import io.walletledger.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The first leg of a P2P transfer: the source is debited (I2, I6, I9) and the amount is in flight. */
public record DebitForTransfer(
        @TargetAggregateIdentifier AccountId accountId,
        String transferId,
        Money amount,
        AccountId destinationAccountId,
        String description,
        Instant requestedAt) implements AccountCommand {
}
