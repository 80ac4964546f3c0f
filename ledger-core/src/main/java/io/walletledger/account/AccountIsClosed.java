package io.walletledger.account;

import io.walletledger.violation.LedgerViolation;

/** I6: a CLOSED account accepts nothing. */
public final class AccountIsClosed extends LedgerViolation {
    public AccountIsClosed(AccountId accountId) {
        super("account " + accountId + " is closed");
    }
}
