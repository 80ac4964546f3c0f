package io.walletledger.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The credit leg landed: the source's debit is no longer in flight. */
public record ConfirmTransferDebit(@TargetAggregateIdentifier AccountId accountId, String transferId,
                                   Instant requestedAt) implements AccountCommand {
}
