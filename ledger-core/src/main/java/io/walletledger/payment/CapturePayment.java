package io.walletledger.payment;

import io.walletledger.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Capture all (amount null) or part of the authorized amount; the rest of the hold is released. */
public record CapturePayment(
        @TargetAggregateIdentifier PaymentId paymentId,
        Money amount,
        Instant requestedAt) implements PaymentCommand {
}
