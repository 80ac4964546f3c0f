package io.walletledger.invariants;

import io.walletledger.account.AccountClosed;
import io.walletledger.account.AccountEvent;
import io.walletledger.account.AccountFrozen;
import io.walletledger.account.AccountId;
import io.walletledger.account.AccountOpened;
import io.walletledger.account.AccountType;
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
import io.walletledger.account.TransferDebitReversed;
import io.walletledger.account.TransferDebited;
import io.walletledger.account.TransferDebitConfirmed;
import io.walletledger.envelope.LedgerEvent;
import io.walletledger.money.Money;
import io.walletledger.payment.PaymentAuthorized;
import io.walletledger.payment.PaymentCaptured;
import io.walletledger.payment.PaymentEvent;
import io.walletledger.payment.PaymentRefunded;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replays a history and checks I1–I6 after every event, independently of the aggregates' own code:
 * it knows only the postings each event carries.
 */
final class Auditor {

    private final Map<String, Long> balance = new HashMap<>();
    private final Map<String, Long> held = new HashMap<>();
    private final Map<String, String> currency = new HashMap<>();
    private final Map<String, AccountType> type = new HashMap<>();
    private final Set<String> frozen = new HashSet<>();
    private final Set<String> closed = new HashSet<>();
    private final Map<String, Long> openHolds = new HashMap<>();
    private final Map<String, Long> inFlight = new HashMap<>();
    private final Map<String, long[]> payments = new HashMap<>();
    final List<String> violations = new ArrayList<>();

    static List<String> audit(List<LedgerEvent> history) {
        Auditor auditor = new Auditor();
        for (LedgerEvent event : history) {
            auditor.apply(event);
            auditor.checkAfter(event);
        }
        auditor.checkConservation();
        return auditor.violations;
    }

    private void apply(LedgerEvent event) {
        if (event instanceof PaymentEvent payment) {
            applyPayment(payment);
        } else if (event instanceof AccountEvent account) {
            boolean completesEarlierMovement = account instanceof TransferDebitReversed || account instanceof PaymentCredited;
            if (closed.contains(account.accountId().value()) && !completesEarlierMovement) {
                violations.add("I6: " + account + " on a closed account");
            }
            applyAccount(account);
        }
    }

    private void applyAccount(AccountEvent event) {
        switch (event) {
            case AccountOpened e -> {
                currency.put(e.accountId().value(), e.currency().code());
                type.put(e.accountId().value(), e.type());
            }
            case FundsDeposited e -> {
                post(e.accountId(), e.amount());
                post(e.fundingAccountId(), e.amount().negate());
            }
            case FundsWithdrawn e -> {
                debit(e.accountId(), e.amount());
                post(e.fundingAccountId(), e.amount());
            }
            case TransferDebited e -> {
                debit(e.accountId(), e.amount());
                inFlight.merge(e.amount().currency().code(), e.amount().minorUnits(), Long::sum);
            }
            case TransferCredited e -> {
                post(e.accountId(), e.amount());
                inFlight.merge(e.amount().currency().code(), -e.amount().minorUnits(), Long::sum);
            }
            case TransferDebitReversed e -> {
                post(e.accountId(), e.amount());
                inFlight.merge(e.amount().currency().code(), -e.amount().minorUnits(), Long::sum);
            }
            case FundsHeld e -> {
                requireNotFrozen(e.accountId(), e);
                held.merge(e.accountId().value(), e.amount().minorUnits(), Long::sum);
                if (openHolds.put(e.accountId() + "/" + e.holdId(), e.amount().minorUnits()) != null) {
                    violations.add("I3: hold placed twice " + e);
                }
            }
            case HoldCaptured e -> {
                endHold(e.accountId(), e.holdId(), e.captured().minorUnits() + e.released().minorUnits(), e);
                post(e.accountId(), e.captured().negate());
                inFlight.merge(e.captured().currency().code(), e.captured().minorUnits(), Long::sum);
            }
            case HoldReleased e -> endHold(e.accountId(), e.holdId(), e.amount().minorUnits(), e);
            case PaymentCredited e -> {
                post(e.accountId(), e.net());
                post(e.feeAccountId(), e.fee());
                if (!e.net().plus(e.fee()).equals(e.gross())) {
                    violations.add("I1: unbalanced fee split " + e);
                }
                if (e.cardFundingAccountId() != null) {
                    post(e.cardFundingAccountId(), e.gross().negate());
                } else {
                    // the wallet capture that was in flight lands
                    inFlight.merge(e.gross().currency().code(), -e.gross().minorUnits(), Long::sum);
                }
            }
            case RefundDebited e -> {
                debit(e.accountId(), e.amount());
                if (e.cardFundingAccountId() != null) {
                    post(e.cardFundingAccountId(), e.amount());
                }
            }
            case RefundCredited e -> post(e.accountId(), e.amount());
            case AccountFrozen e -> frozen.add(e.accountId().value());
            case AccountUnfrozen e -> frozen.remove(e.accountId().value());
            case AccountClosed e -> {
                if (balance.getOrDefault(e.accountId().value(), 0L) != 0 || held.getOrDefault(e.accountId().value(), 0L) != 0) {
                    violations.add("I6: closed with money in it " + e);
                }
                closed.add(e.accountId().value());
            }
            case FeeScheduleSet e -> { }
            case TransferDebitConfirmed e -> { }
            case SecondFactorEnrolled e -> { }
        }
    }

    private void applyPayment(PaymentEvent event) {
        long[] amounts = payments.computeIfAbsent(event.paymentId().value(), k -> new long[3]);
        switch (event) {
            case PaymentAuthorized e -> amounts[0] = e.amount().minorUnits();
            case PaymentCaptured e -> amounts[1] = e.captured().minorUnits();
            case PaymentRefunded e -> amounts[2] = Math.addExact(amounts[2], e.amount().minorUnits());
            default -> { }
        }
        if (amounts[1] > amounts[0] || amounts[2] > amounts[1]) {
            violations.add("I4: authorized " + amounts[0] + ", captured " + amounts[1] + ", refunded " + amounts[2]
                    + " after " + event);
        }
    }

    private void debit(AccountId account, Money amount) {
        requireNotFrozen(account, amount);
        post(account, amount.negate());
    }

    private void requireNotFrozen(AccountId account, Object what) {
        if (frozen.contains(account.value())) {
            violations.add("I6: debit of a frozen account " + account + ": " + what);
        }
    }

    private void endHold(AccountId account, String holdId, long amount, Object event) {
        Long open = openHolds.remove(account + "/" + holdId);
        if (open == null || open != amount) {
            violations.add("I3: hold ended without being open, or with another amount: " + event);
        }
        held.merge(account.value(), -amount, Long::sum);
    }

    private void post(AccountId account, Money amount) {
        String expected = currency.get(account.value());
        if (expected != null && !expected.equals(amount.currency().code())) {
            violations.add("I5: " + amount + " posted to " + account + " in " + expected);
        }
        currency.putIfAbsent(account.value(), amount.currency().code());
        balance.merge(account.value(), amount.minorUnits(), Math::addExact);
    }

    private void checkAfter(LedgerEvent event) {
        balance.forEach((account, minor) -> {
            AccountType t = type.get(account);
            if (t == AccountType.CUSTOMER || t == AccountType.MERCHANT) {
                long h = held.getOrDefault(account, 0L);
                if (minor - h < 0) {
                    violations.add("I2: " + account + " available " + (minor - h) + " after " + event);
                }
                if (h > minor) {
                    violations.add("I3: held " + h + " > balance " + minor + " on " + account);
                }
            }
        });
    }

    private void checkConservation() {
        Map<String, Long> perCurrency = new HashMap<>(inFlight);
        balance.forEach((account, minor) -> perCurrency.merge(currency.get(account), minor, Math::addExact));
        perCurrency.forEach((cur, sum) -> {
            if (sum != 0) {
                violations.add("I1: balances plus money in flight sum to " + sum + " in " + cur);
            }
        });
    }
}
