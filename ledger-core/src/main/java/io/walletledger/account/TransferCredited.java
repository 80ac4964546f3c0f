package io.walletledger.account;

import io.walletledger.money.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Posting: destination +amount; the transfer is complete. */
@Revision("1")
public record TransferCredited(
        AccountId accountId,
        String transferId,
        Money amount,
        AccountId sourceAccountId,
        Instant occurredAt) implements AccountEvent {
}
