package io.walletledger.account;

import io.walletledger.money.Money;
import io.walletledger.violation.LedgerViolation;

/** I2: available = balance − held never goes below zero for CUSTOMER and MERCHANT accounts. */
public final class InsufficientFunds extends LedgerViolation {
    public InsufficientFunds(AccountId accountId, Money requested, Money available) {
        super("account " + accountId + " has " + available + " available, " + requested + " requested");
    }
}
