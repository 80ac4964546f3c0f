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
}
