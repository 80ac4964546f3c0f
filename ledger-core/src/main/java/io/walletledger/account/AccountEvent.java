package io.walletledger.account;

import io.walletledger.envelope.LedgerEvent;

/** Facts about one account, in the order of its stream. */
public sealed interface AccountEvent extends LedgerEvent
        permits AccountOpened, FundsDeposited, FundsWithdrawn, AccountFrozen, AccountUnfrozen, AccountClosed,
                TransferDebited, TransferCredited, TransferDebitReversed,
                FundsHeld, HoldCaptured, HoldReleased, PaymentCredited, RefundDebited, RefundCredited, FeeScheduleSet,
                SecondFactorEnrolled, TransferDebitConfirmed {
    AccountId accountId();

    @Override
    default String aggregateId() {
        return accountId().value();
    }
}
