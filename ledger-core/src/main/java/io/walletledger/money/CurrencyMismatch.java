package io.walletledger.money;

import io.walletledger.violation.LedgerViolation;

/** I5: a movement never mixes currencies. */
public final class CurrencyMismatch extends LedgerViolation {
    public CurrencyMismatch(CurrencyCode expected, CurrencyCode actual) {
        super("expected an amount in " + expected + " but got " + actual);
    }
}
