package io.walletledger.account;

import io.walletledger.money.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Posting: source +amount, undoing the debit of a transfer whose credit leg was refused. */
@Revision("1")
public record TransferDebitReversed(
        AccountId accountId,
        String transferId,
        Money amount,
        TransferFailure reason,
        Instant occurredAt) implements AccountEvent {
}
