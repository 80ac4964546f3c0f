package io.walletledger.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record FreezeAccount(@TargetAggregateIdentifier AccountId accountId, String reason, Instant requestedAt) implements AccountCommand {
}
