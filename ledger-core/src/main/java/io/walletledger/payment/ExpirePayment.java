package io.walletledger.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Sent by the durable deadline scheduler when a request or a hold is due. */
public record ExpirePayment(
        @TargetAggregateIdentifier PaymentId paymentId,
        Instant requestedAt) implements PaymentCommand {
}
