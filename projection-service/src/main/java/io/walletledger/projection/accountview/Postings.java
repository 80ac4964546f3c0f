package io.walletledger.projection.accountview;

import io.walletledger.account.AccountClosed;
import io.walletledger.account.AccountId;
import io.walletledger.account.AccountEvent;
import io.walletledger.account.AccountFrozen;
import io.walletledger.account.AccountOpened;
import io.walletledger.account.AccountUnfrozen;
import io.walletledger.account.FeeScheduleSet;
import io.walletledger.account.FundsDeposited;
import io.walletledger.account.FundsHeld;
import io.walletledger.account.FundsWithdrawn;
import io.walletledger.account.HoldCaptured;
import io.walletledger.account.HoldReleased;
import io.walletledger.account.PaymentCredited;
import io.walletledger.account.RefundCredited;
import io.walletledger.account.RefundDebited;
import io.walletledger.account.SecondFactorEnrolled;
import io.walletledger.account.TransferCredited;
import io.walletledger.account.TransferDebitConfirmed;
import io.walletledger.account.TransferDebitReversed;
import io.walletledger.account.TransferDebited;
import io.walletledger.money.Money;
import io.walletledger.projection.accountview.Posting.LineType;

import java.util.ArrayList;
import java.util.List;

import static io.walletledger.projection.accountview.Posting.hold;
import static io.walletledger.projection.accountview.Posting.money;

/**
 * The postings an account event implies (pure). Every money movement posts both sides, so the sum
 * of all balances of a currency stays zero (I1): a deposit is mirrored on its funding account, a
 * merchant's gross on the card funding account, its fee on the fee account.
 */
public final class Postings {

    private Postings() {
    }

    public static List<Posting> of(AccountEvent event) {
        return switch (event) {
            case FundsDeposited e -> List.of(
                    money(e.accountId(), LineType.DEPOSIT, e.amount(), e.fundingAccountId(), null, null,
                            e.reference(), e.occurredAt()),
                    money(e.fundingAccountId(), LineType.FUNDING, e.amount().negate(), e.accountId(), null, null,
                            e.depositId(), e.occurredAt()));
            case FundsWithdrawn e -> List.of(
                    money(e.accountId(), LineType.WITHDRAWAL, e.amount().negate(), e.fundingAccountId(), null, null,
                            e.reference(), e.occurredAt()),
                    money(e.fundingAccountId(), LineType.FUNDING, e.amount(), e.accountId(), null, null,
                            e.withdrawalId(), e.occurredAt()));
            case TransferDebited e -> List.of(money(e.accountId(), LineType.TRANSFER_OUT, e.amount().negate(),
                    e.destinationAccountId(), null, e.transferId(), e.description(), e.occurredAt()));
            case TransferCredited e -> List.of(money(e.accountId(), LineType.TRANSFER_IN, e.amount(),
                    e.sourceAccountId(), null, e.transferId(), null, e.occurredAt()));
            case TransferDebitReversed e -> List.of(money(e.accountId(), LineType.TRANSFER_REVERSAL, e.amount(),
                    null, null, e.transferId(), e.reason().name(), e.occurredAt()));
            case FundsHeld e -> List.of(hold(e.accountId(), LineType.HOLD, Money.zero(e.amount().currency()),
                    e.amount().minorUnits(), e.merchantAccountId(), e.holdId(), e.occurredAt()));
            case HoldCaptured e -> List.of(hold(e.accountId(), LineType.HOLD_CAPTURED, e.captured().negate(),
                    -Math.addExact(e.captured().minorUnits(), e.released().minorUnits()), e.merchantAccountId(),
                    e.holdId(), e.occurredAt()));
            case HoldReleased e -> List.of(hold(e.accountId(), LineType.HOLD_RELEASED,
                    Money.zero(e.amount().currency()), -e.amount().minorUnits(), null, e.holdId(), e.occurredAt()));
            case PaymentCredited e -> paymentCredited(e);
            case RefundDebited e -> refundDebited(e);
            case RefundCredited e -> List.of(money(e.accountId(), LineType.REFUND, e.amount(), e.merchantAccountId(),
                    e.paymentId(), null, e.refundId(), e.occurredAt()));
            case AccountOpened e -> List.of();
            case AccountFrozen e -> List.of();
            case AccountUnfrozen e -> List.of();
            case AccountClosed e -> List.of();
            case FeeScheduleSet e -> List.of();
            case SecondFactorEnrolled e -> List.of();
            case TransferDebitConfirmed e -> List.of();
        };
    }

    private static List<Posting> paymentCredited(PaymentCredited e) {
        List<Posting> postings = new ArrayList<>();
        postings.add(money(e.accountId(), LineType.PAYMENT, e.gross(), e.cardFundingAccountId(), e.paymentId(), null,
                null, e.occurredAt()));
        if (e.cardFundingAccountId() != null) {
            postings.add(money(e.cardFundingAccountId(), LineType.FUNDING, e.gross().negate(), e.accountId(),
                    e.paymentId(), null, null, e.occurredAt()));
        }
        if (e.fee().minorUnits() > 0) {
            postings.add(money(e.accountId(), LineType.FEE, e.fee().negate(), e.feeAccountId(), e.paymentId(), null,
                    null, e.occurredAt()));
            postings.add(money(e.feeAccountId(), LineType.FEE_INCOME, e.fee(), e.accountId(), e.paymentId(), null,
                    null, e.occurredAt()));
        }
        return postings;
    }

    private static List<Posting> refundDebited(RefundDebited e) {
        AccountId counterparty = e.payerAccountId() != null ? e.payerAccountId() : e.cardFundingAccountId();
        List<Posting> postings = new ArrayList<>();
        postings.add(money(e.accountId(), LineType.REFUND, e.amount().negate(), counterparty, e.paymentId(), null,
                e.refundId(), e.occurredAt()));
        if (e.cardFundingAccountId() != null) {
            postings.add(money(e.cardFundingAccountId(), LineType.FUNDING, e.amount(), e.accountId(), e.paymentId(),
                    null, e.refundId(), e.occurredAt()));
        }
        return postings;
    }
}
