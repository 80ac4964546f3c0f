package io.walletledger.payment;

import io.walletledger.violation.LedgerViolation;

/** I4: refunded ≤ captured. */
public final class RefundExceedsCaptured extends LedgerViolation {
    public RefundExceedsCaptured(String message) {
        super(message);
    }
}
