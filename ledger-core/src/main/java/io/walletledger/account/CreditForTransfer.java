package io.walletledger.account;

import io.walletledger.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The second leg of a P2P transfer: the destination is credited (I5, I6), ending the flight. */
public record CreditForTransfer(
        @TargetAggregateIdentifier AccountId accountId,
        String transferId,
        Money amount,
        AccountId sourceAccountId,
        Instant requestedAt) implements AccountCommand {
}
