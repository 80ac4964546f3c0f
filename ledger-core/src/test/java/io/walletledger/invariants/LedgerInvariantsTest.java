package io.walletledger.invariants;

import io.walletledger.account.AccountId;
import io.walletledger.account.AccountType;
import io.walletledger.account.CloseAccount;
import io.walletledger.account.DepositFunds;
import io.walletledger.account.FeeSchedule;
import io.walletledger.account.FreezeAccount;
import io.walletledger.account.OpenAccount;
import io.walletledger.account.PaymentMethod;
import io.walletledger.account.SetFeeSchedule;
import io.walletledger.account.UnfreezeAccount;
import io.walletledger.account.WithdrawFunds;
import io.walletledger.money.CurrencyCode;
import io.walletledger.money.Money;
import io.walletledger.payment.CaptureMethod;
import io.walletledger.payment.PaymentId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * I1–I6 under random sequences of deposits, withdrawals, transfers, status changes and whole payment
 * lifecycles (authorize, capture in part, refund, cancel, expire) over a few accounts.
 */
class LedgerInvariantsTest {

    private static final CurrencyCode EUR = CurrencyCode.of("EUR");
    private static final List<String> PEOPLE = List.of("alice", "bob", "carol");
    private static final AccountId SHOP = AccountId.of("shop");

    /** One step of a random history: an operation kind and its random parameters. */
    record Step(int kind, int who, int whom, long amount, int payment) {
    }

    @Provide
    Arbitrary<Step> steps() {
        return Combinators.combine(Arbitraries.integers().between(0, 12), Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(0, 3), Arbitraries.longs().between(1, 5_000),
                        Arbitraries.integers().between(0, 2))
                .as(Step::new);
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void I1_to_I6_hold_for_any_sequence_of_operations(@ForAll @Size(min = 1, max = 80) List<@net.jqwik.api.From("steps") Step> steps) {
        try (InMemoryLedger ledger = new InMemoryLedger()) {
            open(ledger);
            List<PaymentId> payments = new ArrayList<>();
            for (Step step : steps) {
                boolean accepted = run(ledger, step, payments);
                Statistics.label("accepted operations").collect(step.kind(), accepted);
                if (step.kind() == 7 || step.kind() == 9) {
                    Statistics.label(step.kind() == 7 ? "authorize" : "refund")
                            .collect(accepted ? "ok" : ledger.lastRefusal);
                }
            }
            assertThat(Auditor.audit(ledger.history())).isEmpty();
        }
    }

    private static void open(InMemoryLedger ledger) {
        for (String person : PEOPLE) {
            ledger.attempt(c -> c.sendAndWait(new OpenAccount(AccountId.of(person), person, AccountType.CUSTOMER, EUR,
                    person.equals("carol") ? 0 : 3, ledger.now())));
        }
        ledger.attempt(c -> {
            c.sendAndWait(new OpenAccount(SHOP, "shop", AccountType.MERCHANT, EUR, 3, ledger.now()));
            c.sendAndWait(new SetFeeSchedule(SHOP, new FeeSchedule(290, 30), ledger.now()));
            // a reserve, so that refunds are bounded by the payment (I4), not only by the merchant's funds (I2)
            c.sendAndWait(new DepositFunds(SHOP, "reserve", new Money(50_000, EUR), PaymentMethod.BANK_TRANSFER, null,
                    ledger.now()));
        });
    }

    private static AccountId account(int index) {
        return index < PEOPLE.size() ? AccountId.of(PEOPLE.get(index)) : SHOP;
    }

    private static boolean run(InMemoryLedger ledger, Step s, List<PaymentId> payments) {
        AccountId who = account(s.who());
        AccountId whom = account(s.whom());
        Money amount = new Money(s.amount(), EUR);
        if (s.kind() == 6 || (payments.isEmpty() && s.kind() >= 7 && s.kind() <= 11)) {
            PaymentId requested = PaymentId.of("pay-" + payments.size());
            boolean accepted = ledger.request(requested, SHOP, amount,
                    s.amount() % 3 == 0 ? CaptureMethod.AUTOMATIC : CaptureMethod.MANUAL);
            if (accepted) {
                payments.add(requested);
            }
            return accepted;
        }
        // operations address one of the three most recent payments
        PaymentId payment = payments.isEmpty() ? PaymentId.of("pay-none")
                : payments.get(Math.max(0, payments.size() - 1 - s.payment()));
        String unique = "op-" + System.nanoTime();
        return switch (s.kind()) {
            case 0, 1 -> ledger.attempt(c -> c.sendAndWait(new DepositFunds(who, unique, amount.plus(amount),
                    PaymentMethod.CARD, null, ledger.now())));
            case 2 -> ledger.attempt(c -> c.sendAndWait(new WithdrawFunds(who, unique, amount, PaymentMethod.CASH, null,
                    ledger.now())));
            case 3 -> ledger.transfer(who, whom, amount, unique);
            case 4 -> ledger.attempt(c -> c.sendAndWait(s.amount() % 2 == 0 ? new FreezeAccount(who, "r", ledger.now())
                    : new UnfreezeAccount(who, ledger.now())));
            // the merchant stays open, else every later payment would be refused
            case 5 -> who.equals(SHOP) || ledger.attempt(c -> c.sendAndWait(new CloseAccount(who, ledger.now())));
            case 7 -> ledger.authorize(payment, who);
            case 8 -> ledger.capture(payment, s.amount() % 2 == 0 ? null : amount);
            case 9 -> ledger.refund(payment, amount, unique);
            case 10 -> ledger.cancel(payment);
            case 11 -> {
                // now and then past a request's 15 minutes or a hold's 7 days
                ledger.advance(s.amount() > 4_000 ? s.amount() * 150 : s.amount() / 5);
                yield ledger.expire(payment);
            }
            default -> {
                ledger.advance(s.amount() / 50);
                yield true;
            }
        };
    }
}
