package io.walletledger.account;

import io.walletledger.violation.LedgerViolation;

/** I6: an account closes only at zero balance and with no holds. */
public final class AccountNotEmpty extends LedgerViolation {
    public AccountNotEmpty(AccountId accountId, long balanceMinor, long heldMinor) {
        super("account " + accountId + " cannot close: balance " + balanceMinor + ", held " + heldMinor
                + " (minor units); both must be zero");
    }
}
