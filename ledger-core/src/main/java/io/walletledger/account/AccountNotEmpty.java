package io.walletledger.account;

import io.walletledger.violation.LedgerViolation;

/** I6: an account closes only at zero balance and with no holds. */
public final class AccountNotEmpty extends LedgerViolation {
    public AccountNotEmpty(AccountId accountId, long balanceMinor, long heldMinor, int transfersInFlight) {
        super("account " + accountId + " cannot close: balance " + balanceMinor + ", held " + heldMinor
                + " (minor units), " + transfersInFlight + " outgoing transfer(s) in flight; all must be zero");
    }
}
