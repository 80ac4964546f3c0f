package io.walletledger.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Cancel before capture; a hold is released. */
public record CancelPayment(
        @TargetAggregateIdentifier PaymentId paymentId,
        Instant requestedAt) implements PaymentCommand {
}
