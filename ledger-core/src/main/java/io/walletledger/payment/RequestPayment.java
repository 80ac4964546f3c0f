package io.walletledger.payment;

import io.walletledger.account.AccountId;
import io.walletledger.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A merchant asks to be paid; the request expires at {@code expiresAt} unless authorized. */
public record RequestPayment(
        @TargetAggregateIdentifier PaymentId paymentId,
        AccountId merchantAccountId,
        Money amount,
        String orderReference,
        CaptureMethod captureMethod,
        String description,
        Instant expiresAt,
        Instant requestedAt) implements PaymentCommand {
}
