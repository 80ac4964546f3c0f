package io.walletledger.account;

import io.walletledger.violation.LedgerViolation;

/** The payer enrolled a second factor; an authorization without a verified code is refused. */
public final class SecondFactorRequired extends LedgerViolation {
    public SecondFactorRequired(AccountId accountId) {
        super("account " + accountId + " requires a second-factor code (secondFactorCode) to authorize payments");
    }
}
