package io.walletledger.account;

import io.walletledger.violation.LedgerViolation;

/** I3: a hold ends exactly once; there is no open hold with this id. */
public final class HoldNotFound extends LedgerViolation {
    public HoldNotFound(AccountId accountId, String holdId) {
        super("account " + accountId + " has no open hold " + holdId);
    }
}
