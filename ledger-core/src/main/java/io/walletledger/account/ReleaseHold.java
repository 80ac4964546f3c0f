package io.walletledger.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Give a hold back (payment canceled or expired). A hold ends exactly once (I3). */
public record ReleaseHold(
        @TargetAggregateIdentifier AccountId accountId,
        String holdId,
        HoldEnd reason,
        Instant requestedAt) implements AccountCommand {
}
