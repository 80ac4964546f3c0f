package io.walletledger.account;

import io.walletledger.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Take (part of) a hold; the rest is released. A hold ends exactly once (I3). */
public record CaptureHold(
        @TargetAggregateIdentifier AccountId accountId,
        String holdId,
        Money amount,
        Instant requestedAt) implements AccountCommand {
}
