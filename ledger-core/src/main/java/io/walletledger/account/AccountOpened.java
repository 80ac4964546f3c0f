package io.walletledger.account;

import io.walletledger.money.CurrencyCode;
import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record AccountOpened(
        AccountId accountId,
        String ownerId,
        AccountType type,
        CurrencyCode currency,
        int kycTier,
        Instant occurredAt) implements AccountEvent {
}
