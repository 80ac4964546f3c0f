package io.walletledger.account;

import io.walletledger.violation.LedgerViolation;

/** Payments are made to MERCHANT accounts only, by accounts other than the merchant's. */
public final class NotAMerchant extends LedgerViolation {
    public NotAMerchant(AccountId accountId) {
        super("account " + accountId + " is not a merchant account");
    }
}
