package io.walletledger.account;

import io.walletledger.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The credit leg was refused: the source gets its money back (a correction, never a deletion: I8). */
public record ReverseTransferDebit(
        @TargetAggregateIdentifier AccountId accountId,
        String transferId,
        Money amount,
        TransferFailure reason,
        Instant requestedAt) implements AccountCommand {
}
