package io.walletledger.money;

import io.walletledger.violation.LedgerViolation;

/** I9: amounts are positive and at most 10^15 minor units. */
public final class InvalidAmount extends LedgerViolation {
    public InvalidAmount(String detail) {
        super(detail);
    }
}
