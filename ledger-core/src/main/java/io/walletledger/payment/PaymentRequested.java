package io.walletledger.payment;

import io.walletledger.account.AccountId;
import io.walletledger.money.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record PaymentRequested(
        PaymentId paymentId,
        AccountId merchantAccountId,
        Money amount,
        String orderReference,
        CaptureMethod captureMethod,
        String description,
        Instant expiresAt,
        Instant occurredAt) implements PaymentEvent {
}
