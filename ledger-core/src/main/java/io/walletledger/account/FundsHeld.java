package io.walletledger.account;

import io.walletledger.money.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** held += amount; no posting yet. */
@Revision("1")
public record FundsHeld(
        AccountId accountId,
        String holdId,
        Money amount,
        AccountId merchantAccountId,
        Instant occurredAt) implements AccountEvent {
}
