package io.walletledger.payment;

public enum PaymentStatus {
    REQUIRES_AUTHORIZATION,
    AUTHORIZED,
    CAPTURED,
    PARTIALLY_REFUNDED,
    REFUNDED,
    CANCELED,
    EXPIRED,
    FAILED
}
