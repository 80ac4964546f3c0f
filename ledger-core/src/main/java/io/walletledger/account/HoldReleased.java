package io.walletledger.account;

import io.walletledger.money.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** held −amount; no posting. */
@Revision("1")
public record HoldReleased(
        AccountId accountId,
        String holdId,
        Money amount,
        HoldEnd reason,
        Instant occurredAt) implements AccountEvent {
}
