package io.walletledger.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A CUSTOMER enrolls a second factor; the secret itself never enters the ledger's history. */
public record EnrollSecondFactor(@TargetAggregateIdentifier AccountId accountId, Instant requestedAt)
        implements AccountCommand {
}
