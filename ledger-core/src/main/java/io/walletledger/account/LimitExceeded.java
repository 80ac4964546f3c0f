package io.walletledger.account;

import io.walletledger.money.Money;
import io.walletledger.violation.LedgerViolation;

/** I9: the daily outgoing limit of the account's KYC tier holds. */
public final class LimitExceeded extends LedgerViolation {
    public LimitExceeded(AccountId accountId, Money limit, Money alreadyOut, Money requested) {
        super("daily outgoing limit of " + limit + " for account " + accountId + " would be exceeded: "
                + alreadyOut + " already out today, " + requested + " requested");
    }
}
