package io.walletledger.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record CloseAccount(@TargetAggregateIdentifier AccountId accountId, Instant requestedAt) implements AccountCommand {
}
