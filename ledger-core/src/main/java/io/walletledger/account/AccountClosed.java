package io.walletledger.account;

import io.walletledger.violation.LedgerViolation;

/** I6: a CLOSED account accepts nothing. */
public final class AccountClosed extends LedgerViolation {
    public AccountClosed(AccountId accountId) {
        super("account " + accountId + " is closed");
    }
}
