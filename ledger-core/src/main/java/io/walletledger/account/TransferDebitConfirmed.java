package io.walletledger.account;

import io.walletledger.money.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** No posting: the source learns that its transfer's credit leg landed, ending the flight it tracked. */
@Revision("1")
public record TransferDebitConfirmed(AccountId accountId, String transferId, Money amount, Instant occurredAt)
        implements AccountEvent {
}
