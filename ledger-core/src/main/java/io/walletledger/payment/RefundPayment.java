package io.walletledger.payment;

import io.walletledger.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A partial or full refund, up to what was captured and not yet refunded (I4). */
public record RefundPayment(
        @TargetAggregateIdentifier PaymentId paymentId,
        String refundId,
        Money amount,
        String reason,
        Instant requestedAt) implements PaymentCommand {
}
