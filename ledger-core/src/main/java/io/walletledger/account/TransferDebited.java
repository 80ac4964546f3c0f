package io.walletledger.account;

import io.walletledger.money.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Posting: source −amount; the amount is in flight until {@link TransferCredited} or {@link TransferDebitReversed} (I1). */
@Revision("1")
public record TransferDebited(
        AccountId accountId,
        String transferId,
        Money amount,
        AccountId destinationAccountId,
        String description,
        Instant occurredAt) implements AccountEvent {
}
