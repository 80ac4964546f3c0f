package io.walletledger.payment;

/** Commands addressed to one {@link Payment}. */
public sealed interface PaymentCommand
        permits RequestPayment, AuthorizePayment, CapturePayment, CancelPayment, RefundPayment, ExpirePayment {
    PaymentId paymentId();
}
