package io.walletledger.account;

import io.walletledger.money.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Posting: payer −captured; held −(captured + released). Its counterpart is the merchant's PaymentCredited. */
@Revision("1")
public record HoldCaptured(
        AccountId accountId,
        String holdId,
        Money captured,
        Money released,
        AccountId merchantAccountId,
        Instant occurredAt) implements AccountEvent {
}
