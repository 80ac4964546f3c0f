package io.walletledger.payment;

import io.walletledger.violation.LedgerViolation;

/** the payment cannot do this in its current state. */
public final class InvalidPaymentState extends LedgerViolation {
    public InvalidPaymentState(String message) {
        super(message);
    }
}
