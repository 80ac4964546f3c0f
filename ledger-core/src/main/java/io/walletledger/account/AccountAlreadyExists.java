package io.walletledger.account;

import io.walletledger.violation.LedgerViolation;

public final class AccountAlreadyExists extends LedgerViolation {
    public AccountAlreadyExists(AccountId accountId) {
        super("account " + accountId + " already exists");
    }
}
