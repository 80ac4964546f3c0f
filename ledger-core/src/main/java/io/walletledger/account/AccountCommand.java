package io.walletledger.account;

/** Commands addressed to one {@link Account}. */
public sealed interface AccountCommand
        permits OpenAccount, DepositFunds, WithdrawFunds, FreezeAccount, UnfreezeAccount, CloseAccount,
                DebitForTransfer, CreditForTransfer, ReverseTransferDebit,
                PlaceHold, CaptureHold, ReleaseHold, CreditForPayment, DebitForRefund, CreditRefund, SetFeeSchedule,
                CheckCanReceivePayment, EnrollSecondFactor, ConfirmTransferDebit {
    AccountId accountId();
}
