package io.walletledger.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record UnfreezeAccount(@TargetAggregateIdentifier AccountId accountId, Instant requestedAt) implements AccountCommand {
}
