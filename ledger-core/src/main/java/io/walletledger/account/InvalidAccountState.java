package io.walletledger.account;

import io.walletledger.violation.LedgerViolation;

/** A lifecycle step that does not apply in the account's current status (e.g. unfreezing an active account). */
public final class InvalidAccountState extends LedgerViolation {
    public InvalidAccountState(AccountId accountId, AccountStatus status, String attempted) {
        super("account " + accountId + " is " + status + ": cannot " + attempted);
    }
}
