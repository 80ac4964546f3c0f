package io.walletledger.account;

import io.walletledger.money.CurrencyCode;
import io.walletledger.money.CurrencyMismatch;
import io.walletledger.money.InvalidAmount;
import io.walletledger.money.Money;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

class AccountTest {

    private static final AccountId ALICE = AccountId.of("acc-alice");
    private static final CurrencyCode EUR = CurrencyCode.of("EUR");
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final AccountOpened ALICE_OPENED =
            new AccountOpened(ALICE, "alice", AccountType.CUSTOMER, EUR, 1, T0);

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
        fixture.registerInjectableResource(KycLimits.defaults());
    }

    @Nested
    class Opening {
        @Test
        void opens_an_account_in_one_currency() {
            fixture.givenNoPriorActivity()
                    .when(new OpenAccount(ALICE, "alice", AccountType.CUSTOMER, EUR, 1, T0))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(ALICE_OPENED);
        }

        @Test
        void refuses_to_open_the_same_account_twice() {
            fixture.given(ALICE_OPENED)
                    .when(new OpenAccount(ALICE, "alice", AccountType.CUSTOMER, EUR, 1, T0))
                    .expectException(AccountAlreadyExists.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Depositing {
        @Test
        void I1_conservation_a_deposit_debits_the_methods_funding_account_by_the_same_amount() {
            fixture.given(ALICE_OPENED)
                    .when(new DepositFunds(ALICE, "dep-1", Money.of(1234, "EUR"), PaymentMethod.CARD, "r-1", T0))
                    .expectEvents(new FundsDeposited(ALICE, "dep-1", Money.of(1234, "EUR"), PaymentMethod.CARD,
                            AccountId.of("sys-funding-card-eur"), "r-1", T0));
        }

        @Test
        void I9_limits_a_zero_amount_is_refused() {
            fixture.given(ALICE_OPENED)
                    .when(new DepositFunds(ALICE, "dep-1", Money.of(0, "EUR"), PaymentMethod.CARD, null, T0))
                    .expectException(InvalidAmount.class)
                    .expectNoEvents();
        }

        @Test
        void I9_limits_an_amount_above_ten_to_the_fifteen_is_refused() {
            fixture.given(ALICE_OPENED)
                    .when(new DepositFunds(ALICE, "dep-1", Money.of(Money.MAX_MINOR_UNITS + 1, "EUR"),
                            PaymentMethod.CASH, null, T0))
                    .expectException(InvalidAmount.class)
                    .expectNoEvents();
        }

        @Test
        void I5_one_currency_a_deposit_in_another_currency_is_refused() {
            fixture.given(ALICE_OPENED)
                    .when(new DepositFunds(ALICE, "dep-1", Money.of(100, "USD"), PaymentMethod.CARD, null, T0))
                    .expectException(CurrencyMismatch.class)
                    .expectNoEvents();
        }
    }

    private static FundsDeposited deposited(long minor) {
        return new FundsDeposited(ALICE, "dep-0", Money.of(minor, "EUR"), PaymentMethod.CARD,
                AccountId.of("sys-funding-card-eur"), null, T0);
    }

    private static WithdrawFunds withdraw(String id, long minor, Instant at) {
        return new WithdrawFunds(ALICE, id, Money.of(minor, "EUR"), PaymentMethod.BANK_TRANSFER, null, at);
    }

    private static FundsWithdrawn withdrawn(String id, long minor, Instant at) {
        return new FundsWithdrawn(ALICE, id, Money.of(minor, "EUR"), PaymentMethod.BANK_TRANSFER,
                AccountId.of("sys-funding-bank-transfer-eur"), null, at);
    }

    @Nested
    class Withdrawing {
        @Test
        void I1_conservation_a_withdrawal_credits_the_methods_funding_account_by_the_same_amount() {
            fixture.given(ALICE_OPENED, deposited(5_000))
                    .when(withdraw("wd-1", 1_500, T0))
                    .expectEvents(withdrawn("wd-1", 1_500, T0));
        }

        @Test
        void I2_no_overdraft_a_withdrawal_above_the_available_balance_is_refused() {
            fixture.given(ALICE_OPENED, deposited(1_000))
                    .when(withdraw("wd-1", 1_001, T0))
                    .expectException(InsufficientFunds.class)
                    .expectNoEvents();
        }

        @Test
        void I2_no_overdraft_the_whole_balance_can_be_withdrawn_and_not_a_cent_more() {
            fixture.given(ALICE_OPENED, deposited(1_000), withdrawn("wd-1", 1_000, T0))
                    .when(withdraw("wd-2", 1, T0))
                    .expectException(InsufficientFunds.class);
        }

        @Test
        void I6_account_status_a_frozen_account_accepts_no_debits() {
            fixture.given(ALICE_OPENED, deposited(1_000), new AccountFrozen(ALICE, "fraud review", T0))
                    .when(withdraw("wd-1", 10, T0))
                    .expectException(AccountIsFrozen.class)
                    .expectNoEvents();
        }

        @Test
        void I6_account_status_a_frozen_account_still_accepts_credits() {
            fixture.given(ALICE_OPENED, new AccountFrozen(ALICE, "fraud review", T0))
                    .when(new DepositFunds(ALICE, "dep-1", Money.of(10, "EUR"), PaymentMethod.CASH, null, T0))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void I9_limits_the_daily_outgoing_limit_of_the_kyc_tier_holds() {
            // tier 1: 1,000.00 EUR a day = 100,000 minor units
            fixture.given(ALICE_OPENED, deposited(500_000), withdrawn("wd-1", 99_000, T0))
                    .when(withdraw("wd-2", 1_001, T0.plusSeconds(60)))
                    .expectException(LimitExceeded.class)
                    .expectNoEvents();
        }

        @Test
        void I9_limits_the_daily_limit_starts_again_the_next_utc_day() {
            fixture.given(ALICE_OPENED, deposited(500_000), withdrawn("wd-1", 100_000, T0))
                    .when(withdraw("wd-2", 100_000, T0.plusSeconds(86_400)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(withdrawn("wd-2", 100_000, T0.plusSeconds(86_400)));
        }

        @Test
        void I9_limits_follow_the_configured_tiers_and_the_currency_exponent() {
            AggregateTestFixture<Account> strict = new AggregateTestFixture<>(Account.class);
            strict.registerInjectableResource(new KycLimits(Map.of(0, 5L, 1, 50L)));
            AccountOpened yen = new AccountOpened(ALICE, "alice", AccountType.CUSTOMER, CurrencyCode.of("JPY"), 1, T0);
            strict.given(yen, new FundsDeposited(ALICE, "d", Money.of(1_000, "JPY"), PaymentMethod.CARD,
                            AccountId.of("sys-funding-card-jpy"), null, T0))
                    .when(new WithdrawFunds(ALICE, "wd", Money.of(51, "JPY"), PaymentMethod.CASH, null, T0))
                    .expectException(LimitExceeded.class);
        }
    }

    @Nested
    class Lifecycle {
        @Test
        void an_active_account_can_be_frozen_and_unfrozen() {
            fixture.given(ALICE_OPENED)
                    .when(new FreezeAccount(ALICE, "chargeback", T0))
                    .expectEvents(new AccountFrozen(ALICE, "chargeback", T0));
            fixture.given(ALICE_OPENED, new AccountFrozen(ALICE, "chargeback", T0))
                    .when(new UnfreezeAccount(ALICE, T0))
                    .expectEvents(new AccountUnfrozen(ALICE, T0));
        }

        @Test
        void unfreezing_an_active_account_is_an_invalid_state() {
            fixture.given(ALICE_OPENED)
                    .when(new UnfreezeAccount(ALICE, T0))
                    .expectException(InvalidAccountState.class);
        }

        @Test
        void I6_account_status_an_account_closes_only_at_zero_balance() {
            fixture.given(ALICE_OPENED, deposited(1))
                    .when(new CloseAccount(ALICE, T0))
                    .expectException(AccountNotEmpty.class)
                    .expectNoEvents();
            fixture.given(ALICE_OPENED, deposited(1), withdrawn("wd", 1, T0))
                    .when(new CloseAccount(ALICE, T0))
                    .expectEvents(new AccountClosed(ALICE, T0));
        }

        @Test
        void I6_account_status_a_closed_account_accepts_nothing() {
            fixture.given(ALICE_OPENED, new AccountClosed(ALICE, T0))
                    .when(new DepositFunds(ALICE, "dep-1", Money.of(10, "EUR"), PaymentMethod.CASH, null, T0))
                    .expectException(AccountIsClosed.class)
                    .expectNoEvents();
            fixture.given(ALICE_OPENED, new AccountClosed(ALICE, T0))
                    .when(new FreezeAccount(ALICE, "x", T0))
                    .expectException(InvalidAccountState.class);
        }
    }

    @Nested
    class Transferring {
        private final AccountId bob = AccountId.of("acc-bob");

        @Test
        void I2_no_overdraft_the_debit_leg_is_checked_like_any_debit() {
            fixture.given(ALICE_OPENED, deposited(100))
                    .when(new DebitForTransfer(ALICE, "trf-1", Money.of(101, "EUR"), bob, null, T0))
                    .expectException(InsufficientFunds.class)
                    .expectNoEvents();
        }

        @Test
        void I1_conservation_the_debit_leg_puts_the_amount_in_flight() {
            fixture.given(ALICE_OPENED, deposited(100))
                    .when(new DebitForTransfer(ALICE, "trf-1", Money.of(60, "EUR"), bob, "lunch", T0))
                    .expectEvents(new TransferDebited(ALICE, "trf-1", Money.of(60, "EUR"), bob, "lunch", T0));
        }

        @Test
        void I6_account_status_a_frozen_destination_still_takes_the_credit_leg() {
            fixture.given(ALICE_OPENED, new AccountFrozen(ALICE, "review", T0))
                    .when(new CreditForTransfer(ALICE, "trf-1", Money.of(60, "EUR"), bob, T0))
                    .expectEvents(new TransferCredited(ALICE, "trf-1", Money.of(60, "EUR"), bob, T0));
        }

        @Test
        void I6_account_status_a_closed_destination_refuses_the_credit_leg() {
            fixture.given(ALICE_OPENED, new AccountClosed(ALICE, T0))
                    .when(new CreditForTransfer(ALICE, "trf-1", Money.of(60, "EUR"), bob, T0))
                    .expectException(AccountIsClosed.class);
        }

        @Test
        void I8_immutable_history_a_debit_in_flight_is_reversed_once_by_a_new_event() {
            TransferDebited debited = new TransferDebited(ALICE, "trf-1", Money.of(60, "EUR"), bob, null, T0);
            TransferDebitReversed reversed = new TransferDebitReversed(ALICE, "trf-1", Money.of(60, "EUR"),
                    TransferFailure.DESTINATION_CLOSED, T0);
            fixture.given(ALICE_OPENED, deposited(100), debited)
                    .when(new ReverseTransferDebit(ALICE, "trf-1", Money.of(60, "EUR"), TransferFailure.DESTINATION_CLOSED, T0))
                    .expectEvents(reversed);
            fixture.given(ALICE_OPENED, deposited(100), debited, reversed)
                    .when(new ReverseTransferDebit(ALICE, "trf-1", Money.of(60, "EUR"), TransferFailure.DESTINATION_CLOSED, T0))
                    .expectException(TransferNotPending.class);
        }

        @Test
        void I6_account_status_an_account_whose_transfer_landed_can_close() {
            fixture.given(ALICE_OPENED, deposited(60),
                            new TransferDebited(ALICE, "trf-1", Money.of(60, "EUR"), bob, null, T0),
                            new TransferDebitConfirmed(ALICE, "trf-1", Money.of(60, "EUR"), T0))
                    .when(new CloseAccount(ALICE, T0))
                    .expectEvents(new AccountClosed(ALICE, T0));
        }

        @Test
        void I6_account_status_an_account_with_a_transfer_in_flight_cannot_close() {
            fixture.given(ALICE_OPENED, deposited(60),
                            new TransferDebited(ALICE, "trf-1", Money.of(60, "EUR"), bob, null, T0))
                    .when(new CloseAccount(ALICE, T0))
                    .expectException(AccountNotEmpty.class);
        }
    }

    @Nested
    class Holding {
        private final AccountId shop = AccountId.of("shop");
        private final FundsHeld held = new FundsHeld(ALICE, "pay-1", Money.of(700, "EUR"), shop, T0);

        @Test
        void I2_no_overdraft_a_hold_reduces_what_is_available() {
            fixture.given(ALICE_OPENED, deposited(1_000), held)
                    .when(withdraw("wd-1", 301, T0))
                    .expectException(InsufficientFunds.class);
            fixture.given(ALICE_OPENED, deposited(1_000), held)
                    .when(new PlaceHold(ALICE, "pay-2", Money.of(301, "EUR"), shop, false, T0))
                    .expectException(InsufficientFunds.class);
        }

        @Test
        void I3_holds_a_partial_capture_takes_part_and_releases_the_rest_in_one_event() {
            fixture.given(ALICE_OPENED, deposited(1_000), held)
                    .when(new CaptureHold(ALICE, "pay-1", Money.of(500, "EUR"), T0))
                    .expectEvents(new HoldCaptured(ALICE, "pay-1", Money.of(500, "EUR"), Money.of(200, "EUR"), shop, T0));
        }

        @Test
        void I3_holds_each_hold_ends_exactly_once() {
            fixture.given(ALICE_OPENED, deposited(1_000), held,
                            new HoldReleased(ALICE, "pay-1", Money.of(700, "EUR"), HoldEnd.CANCELED, T0))
                    .when(new CaptureHold(ALICE, "pay-1", Money.of(500, "EUR"), T0))
                    .expectException(HoldNotFound.class);
            fixture.given(ALICE_OPENED, deposited(1_000), held,
                            new HoldCaptured(ALICE, "pay-1", Money.of(700, "EUR"), Money.of(0, "EUR"), shop, T0))
                    .when(new ReleaseHold(ALICE, "pay-1", HoldEnd.EXPIRED, T0))
                    .expectException(HoldNotFound.class);
        }

        @Test
        void I6_account_status_an_account_with_a_hold_cannot_close() {
            fixture.given(ALICE_OPENED, deposited(700), held)
                    .when(new CloseAccount(ALICE, T0))
                    .expectException(AccountNotEmpty.class);
        }
    }

    @Nested
    class MerchantCredits {
        private final AccountId shop = AccountId.of("shop");
        private final AccountOpened shopOpened = new AccountOpened(shop, "acme", AccountType.MERCHANT, EUR, 2, T0);

        @Test
        void I1_conservation_the_merchant_gets_the_gross_less_the_fee_which_goes_to_the_fee_account() {
            fixture.given(shopOpened, new FeeScheduleSet(shop, new FeeSchedule(290, 30), T0))
                    .when(new CreditForPayment(shop, "pay-1", Money.of(10_000, "EUR"),
                            io.walletledger.payment.FundingSource.WALLET, T0))
                    .expectEvents(new PaymentCredited(shop, "pay-1", Money.of(10_000, "EUR"), Money.of(320, "EUR"),
                            Money.of(9_680, "EUR"), AccountId.of("sys-fee-revenue-eur"), null, T0));
        }

        @Test
        void a_customer_account_cannot_receive_payments() {
            fixture.given(ALICE_OPENED)
                    .when(new CreditForPayment(ALICE, "pay-1", Money.of(100, "EUR"),
                            io.walletledger.payment.FundingSource.CARD, T0))
                    .expectException(NotAMerchant.class);
        }

        @Test
        void I2_no_overdraft_a_refund_needs_the_merchants_available_balance() {
            fixture.given(shopOpened, new PaymentCredited(shop, "pay-1", Money.of(100, "EUR"), Money.of(3, "EUR"),
                            Money.of(97, "EUR"), AccountId.of("sys-fee-revenue-eur"), null, T0))
                    .when(new DebitForRefund(shop, "pay-1", "r1", Money.of(98, "EUR"),
                            io.walletledger.payment.FundingSource.WALLET, ALICE, T0))
                    .expectException(InsufficientFunds.class);
        }
    }

    @Nested
    class SecondFactor {
        private final AccountId shop = AccountId.of("shop");

        @Test
        void once_enrolled_an_authorization_hold_needs_a_verified_code() {
            fixture.given(ALICE_OPENED, deposited(1_000), new SecondFactorEnrolled(ALICE, T0))
                    .when(new PlaceHold(ALICE, "pay-1", Money.of(10, "EUR"), shop, false, T0))
                    .expectException(SecondFactorRequired.class)
                    .expectNoEvents();
            fixture.given(ALICE_OPENED, deposited(1_000), new SecondFactorEnrolled(ALICE, T0))
                    .when(new PlaceHold(ALICE, "pay-1", Money.of(10, "EUR"), shop, true, T0))
                    .expectEvents(new FundsHeld(ALICE, "pay-1", Money.of(10, "EUR"), shop, T0));
        }

        @Test
        void only_customers_enroll_and_only_once() {
            fixture.given(ALICE_OPENED)
                    .when(new EnrollSecondFactor(ALICE, T0))
                    .expectEvents(new SecondFactorEnrolled(ALICE, T0));
            fixture.given(ALICE_OPENED, new SecondFactorEnrolled(ALICE, T0))
                    .when(new EnrollSecondFactor(ALICE, T0))
                    .expectException(InvalidAccountState.class);
            AggregateTestFixture<Account> merchants = new AggregateTestFixture<>(Account.class);
            merchants.given(new AccountOpened(shop, "acme", AccountType.MERCHANT, EUR, 1, T0))
                    .when(new EnrollSecondFactor(shop, T0))
                    .expectException(InvalidAccountState.class);
        }
    }
}
