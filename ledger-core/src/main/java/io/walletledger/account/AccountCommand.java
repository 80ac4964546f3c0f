package io.walletledger.account;

/** Commands addressed to one {@link Account}. */
public sealed interface AccountCommand
        permits OpenAccount, DepositFunds, WithdrawFunds, FreezeAccount, UnfreezeAccount, CloseAccount,
                DebitForTransfer, CreditForTransfer, ReverseTransferDebit {
    AccountId accountId();
}
