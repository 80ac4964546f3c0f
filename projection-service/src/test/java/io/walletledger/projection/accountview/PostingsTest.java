package io.walletledger.projection.accountview;

import io.walletledger.account.AccountClosed;
import io.walletledger.account.AccountFrozen;
import io.walletledger.account.AccountId;
import io.walletledger.account.AccountOpened;
import io.walletledger.account.AccountType;
import io.walletledger.account.AccountUnfrozen;
import io.walletledger.account.FeeSchedule;
import io.walletledger.account.FeeScheduleSet;
import io.walletledger.account.FundsDeposited;
import io.walletledger.account.FundsHeld;
import io.walletledger.account.FundsWithdrawn;
import io.walletledger.account.HoldCaptured;
import io.walletledger.account.HoldEnd;
import io.walletledger.account.HoldReleased;
import io.walletledger.account.PaymentCredited;
import io.walletledger.account.PaymentMethod;
import io.walletledger.account.RefundCredited;
import io.walletledger.account.RefundDebited;
import io.walletledger.account.SecondFactorEnrolled;
import io.walletledger.account.TransferCredited;
import io.walletledger.account.TransferDebitConfirmed;
import io.walletledger.account.TransferDebitReversed;
import io.walletledger.account.TransferDebited;
import io.walletledger.account.TransferFailure;
import io.walletledger.money.CurrencyCode;
import io.walletledger.projection.accountview.Posting.LineType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.walletledger.projection.History.eur;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per account event type: the postings it implies (pure). */
class PostingsTest {

    private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");
    private static final AccountId ACC = AccountId.of("acc-1");
    private static final AccountId SHOP = AccountId.of("shop-1");
    private static final AccountId BANK = PaymentMethod.BANK_TRANSFER.fundingAccount(CurrencyCode.of("EUR"));
    private static final AccountId CARD = PaymentMethod.CARD.fundingAccount(CurrencyCode.of("EUR"));
    private static final AccountId FEES = AccountId.of("sys-fee-revenue-eur");

    private static long sum(List<Posting> postings) {
        return postings.stream().mapToLong(p -> p.amount().minorUnits()).sum();
    }

    @Test
    void I1_a_deposit_credits_the_account_and_debits_its_funding_account() {
        List<Posting> postings = Postings.of(new FundsDeposited(ACC, "d1", eur(500), PaymentMethod.BANK_TRANSFER, BANK,
                "r", T));
        assertThat(postings).extracting(Posting::accountId, Posting::type, p -> p.amount().minorUnits())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ACC, LineType.DEPOSIT, 500L),
                        org.assertj.core.groups.Tuple.tuple(BANK, LineType.FUNDING, -500L));
        assertThat(sum(postings)).isZero();
    }

    @Test
    void I1_a_withdrawal_debits_the_account_and_credits_its_funding_account() {
        List<Posting> postings = Postings.of(new FundsWithdrawn(ACC, "w1", eur(200), PaymentMethod.BANK_TRANSFER, BANK,
                null, T));
        assertThat(postings.get(0).amount().minorUnits()).isEqualTo(-200);
        assertThat(postings.get(1).accountId()).isEqualTo(BANK);
        assertThat(sum(postings)).isZero();
    }

    @Test
    void transfer_legs_post_to_their_own_account_only_and_cancel_out_together() {
        List<Posting> debit = Postings.of(new TransferDebited(ACC, "t1", eur(300), SHOP, "rent", T));
        List<Posting> credit = Postings.of(new TransferCredited(SHOP, "t1", eur(300), ACC, T));
        List<Posting> reversal = Postings.of(new TransferDebitReversed(ACC, "t1", eur(300),
                TransferFailure.values()[0], T));
        assertThat(debit).singleElement().satisfies(p -> {
            assertThat(p.type()).isEqualTo(LineType.TRANSFER_OUT);
            assertThat(p.counterpartyId()).isEqualTo(SHOP);
            assertThat(p.transferId()).isEqualTo("t1");
        });
        assertThat(sum(debit) + sum(credit)).isZero();
        assertThat(sum(debit) + sum(reversal)).isZero();
        assertThat(Postings.of(new TransferDebitConfirmed(ACC, "t1", eur(300), T))).isEmpty();
    }

    @Test
    void I3_holds_move_the_held_amount_and_a_capture_moves_the_balance() {
        assertThat(Postings.of(new FundsHeld(ACC, "pay-1", eur(900), SHOP, T))).singleElement()
                .satisfies(p -> {
                    assertThat(p.heldChange()).isEqualTo(900);
                    assertThat(p.amount().minorUnits()).isZero();
                });
        assertThat(Postings.of(new HoldCaptured(ACC, "pay-1", eur(600), eur(300), SHOP, T))).singleElement()
                .satisfies(p -> {
                    assertThat(p.heldChange()).isEqualTo(-900);
                    assertThat(p.amount().minorUnits()).isEqualTo(-600);
                    assertThat(p.paymentId()).isEqualTo("pay-1");
                });
        assertThat(Postings.of(new HoldReleased(ACC, "pay-1", eur(900), HoldEnd.values()[0], T))).singleElement()
                .satisfies(p -> assertThat(p.heldChange()).isEqualTo(-900));
    }

    @Test
    void I1_a_card_payment_credit_posts_gross_fee_and_both_system_sides() {
        List<Posting> postings = Postings.of(new PaymentCredited(SHOP, "pay-2", eur(1000), eur(30), eur(970), FEES,
                CARD, T));
        assertThat(postings).extracting(Posting::type)
                .containsExactly(LineType.PAYMENT, LineType.FUNDING, LineType.FEE, LineType.FEE_INCOME);
        assertThat(postings.stream().filter(p -> p.accountId().equals(SHOP)).mapToLong(p -> p.amount().minorUnits())
                .sum()).isEqualTo(970);
        assertThat(sum(postings)).isZero();
    }

    @Test
    void a_wallet_payment_credit_without_fee_posts_the_gross_only() {
        assertThat(Postings.of(new PaymentCredited(SHOP, "pay-3", eur(1000), eur(0), eur(1000), FEES, null, T)))
                .singleElement().satisfies(p -> assertThat(p.amount().minorUnits()).isEqualTo(1000));
    }

    @Test
    void I1_refunds_debit_the_merchant_and_credit_the_payer_or_the_card() {
        List<Posting> wallet = Postings.of(new RefundDebited(SHOP, "pay-2", "r1", eur(100), null, ACC, T));
        List<Posting> payer = Postings.of(new RefundCredited(ACC, "pay-2", "r1", eur(100), SHOP, T));
        assertThat(sum(wallet) + sum(payer)).isZero();
        assertThat(wallet.get(0).counterpartyId()).isEqualTo(ACC);
        List<Posting> card = Postings.of(new RefundDebited(SHOP, "pay-2", "r2", eur(100), CARD, null, T));
        assertThat(sum(card)).isZero();
    }

    @Test
    void lifecycle_events_post_nothing() {
        assertThat(Postings.of(new AccountOpened(ACC, "o", AccountType.CUSTOMER, CurrencyCode.of("EUR"), 1, T))).isEmpty();
        assertThat(Postings.of(new AccountFrozen(ACC, "r", T))).isEmpty();
        assertThat(Postings.of(new AccountUnfrozen(ACC, T))).isEmpty();
        assertThat(Postings.of(new AccountClosed(ACC, T))).isEmpty();
        assertThat(Postings.of(new FeeScheduleSet(SHOP, new FeeSchedule(100, 0), T))).isEmpty();
        assertThat(Postings.of(new SecondFactorEnrolled(ACC, T))).isEmpty();
    }
}
