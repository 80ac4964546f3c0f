package io.walletledger.account;

import io.walletledger.money.CurrencyCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record OpenAccount(
        @TargetAggregateIdentifier AccountId accountId,
        String ownerId,
        AccountType type,
        CurrencyCode currency,
        int kycTier,
        Instant requestedAt) implements AccountCommand {
}
