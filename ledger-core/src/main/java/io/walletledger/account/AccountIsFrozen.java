package io.walletledger.account;

import io.walletledger.violation.LedgerViolation;

/** I6: a FROZEN account accepts no debits. */
public final class AccountIsFrozen extends LedgerViolation {
    public AccountIsFrozen(AccountId accountId) {
        super("account " + accountId + " is frozen and accepts no debits");
    }
}
