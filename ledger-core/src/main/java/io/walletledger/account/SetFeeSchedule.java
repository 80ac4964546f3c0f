package io.walletledger.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Set the fee a MERCHANT account pays per captured payment (from the next capture on). */
public record SetFeeSchedule(@TargetAggregateIdentifier AccountId accountId, FeeSchedule schedule, Instant requestedAt)
        implements AccountCommand {
}
