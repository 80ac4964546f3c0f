package io.walletledger.money;

import io.walletledger.violation.LedgerViolation;

/** Not an ISO 4217 currency with a minor unit. */
public final class UnsupportedCurrency extends LedgerViolation {
    public UnsupportedCurrency(String code) {
        super("'" + code + "' is not a supported ISO 4217 currency code");
    }
}
