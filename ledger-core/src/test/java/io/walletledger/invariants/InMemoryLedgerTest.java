package io.walletledger.invariants;

import io.walletledger.account.AccountId;
import io.walletledger.account.AccountType;
import io.walletledger.account.DepositFunds;
import io.walletledger.account.FeeSchedule;
import io.walletledger.account.OpenAccount;
import io.walletledger.account.PaymentMethod;
import io.walletledger.account.SetFeeSchedule;
import io.walletledger.money.CurrencyCode;
import io.walletledger.money.Money;
import io.walletledger.payment.CaptureMethod;
import io.walletledger.payment.PaymentId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The harness itself moves money as the application layer does, so the property test means something. */
class InMemoryLedgerTest {

    @Test
    void I1_to_I6_a_whole_payment_lifecycle_and_a_transfer_leave_a_clean_audit() {
        CurrencyCode eur = CurrencyCode.of("EUR");
        AccountId alice = AccountId.of("alice");
        AccountId bob = AccountId.of("bob");
        AccountId shop = AccountId.of("shop");
        try (InMemoryLedger ledger = new InMemoryLedger()) {
            assertThat(ledger.attempt(c -> {
                c.sendAndWait(new OpenAccount(alice, "a", AccountType.CUSTOMER, eur, 3, ledger.now()));
                c.sendAndWait(new OpenAccount(bob, "b", AccountType.CUSTOMER, eur, 3, ledger.now()));
                c.sendAndWait(new OpenAccount(shop, "s", AccountType.MERCHANT, eur, 3, ledger.now()));
                c.sendAndWait(new SetFeeSchedule(shop, new FeeSchedule(290, 30), ledger.now()));
                c.sendAndWait(new DepositFunds(alice, "d1", Money.of(10_000, "EUR"), PaymentMethod.CARD, null, ledger.now()));
            })).isTrue();
            PaymentId pay = PaymentId.of("pay-1");
            assertThat(ledger.request(pay, shop, Money.of(5_000, "EUR"), CaptureMethod.MANUAL)).isTrue();
            assertThat(ledger.authorize(pay, alice)).isTrue();
            assertThat(ledger.capture(pay, Money.of(4_000, "EUR"))).isTrue();
            assertThat(ledger.refund(pay, Money.of(1_000, "EUR"), "r1")).isTrue();
            assertThat(ledger.refund(pay, Money.of(3_001, "EUR"), "r2")).isFalse();
            assertThat(ledger.transfer(alice, bob, Money.of(500, "EUR"), "t1")).isTrue();
            assertThat(Auditor.audit(ledger.history())).isEmpty();
        }
    }
}
