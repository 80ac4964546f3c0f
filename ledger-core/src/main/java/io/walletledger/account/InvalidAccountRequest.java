package io.walletledger.account;

import io.walletledger.violation.LedgerViolation;

/** A request that no account can accept as asked: a transfer to itself, a SYSTEM account, an unknown tier. */
public final class InvalidAccountRequest extends LedgerViolation {
    public InvalidAccountRequest(String message) {
        super(message);
    }
}
