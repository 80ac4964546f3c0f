package io.walletledger.payment;

import io.walletledger.violation.LedgerViolation;

/** I4: captured ≤ authorized. */
public final class CaptureExceedsAuthorized extends LedgerViolation {
    public CaptureExceedsAuthorized(String message) {
        super(message);
    }
}
