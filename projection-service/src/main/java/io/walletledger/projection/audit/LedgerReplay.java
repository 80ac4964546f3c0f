package io.walletledger.projection.audit;

import io.walletledger.account.AccountClosed;
import io.walletledger.account.AccountEvent;
import io.walletledger.account.AccountFrozen;
import io.walletledger.account.AccountOpened;
import io.walletledger.account.AccountType;
import io.walletledger.account.AccountUnfrozen;
import io.walletledger.account.FundsDeposited;
import io.walletledger.account.FundsHeld;
import io.walletledger.account.FundsWithdrawn;
import io.walletledger.account.HoldCaptured;
import io.walletledger.account.HoldReleased;
import io.walletledger.account.PaymentCredited;
import io.walletledger.account.RefundCredited;
import io.walletledger.account.RefundDebited;
import io.walletledger.account.TransferCredited;
import io.walletledger.account.TransferDebitReversed;
import io.walletledger.account.TransferDebited;
import io.walletledger.envelope.CloudEvent;
import io.walletledger.money.Money;
import io.walletledger.payment.PaymentAuthorized;
import io.walletledger.payment.PaymentCanceled;
import io.walletledger.payment.PaymentCaptured;
import io.walletledger.payment.PaymentEvent;
import io.walletledger.payment.PaymentExpired;
import io.walletledger.payment.PaymentRefunded;
import io.walletledger.payment.PaymentRequested;
import io.walletledger.projection.accountview.Posting;
import io.walletledger.projection.accountview.Postings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Replays the money of the whole history: every account's balance, held amount and status, every
 * payment's authorized, captured and refunded amounts, and the money in flight between two accounts
 * (a transfer debited and not yet credited, a wallet capture not yet credited to its merchant, a wallet
 * refund not yet credited to its payer). Checks I1-I6 and I9 event by event; the flows in {@link #finish()}.
 */
final class LedgerReplay {

    static final long MAX_MINOR_UNITS = Money.MAX_MINOR_UNITS;

    enum Status { ACTIVE, FROZEN, CLOSED }

    /** An account as rebuilt. SYSTEM accounts appear as counterparties of postings. */
    static final class Account {
        final String id;
        AccountType type;
        String currency;
        Status status = Status.ACTIVE;
        long balance;
        long held;
        long lines;

        Account(String id, AccountType type, String currency) {
            this.id = id;
            this.type = type;
            this.currency = currency;
        }
    }

    /** A payment as rebuilt from its own stream. */
    static final class Payment {
        final String id;
        String merchant;
        String currency;
        long requested;
        long authorized;
        long captured;
        long refunded;
        String status = "REQUESTED";

        Payment(String id) {
            this.id = id;
        }
    }

    /** Money between two accounts, keyed by transfer, payment or refund. */
    private static final class Flow {
        String currency;
        long amount;
        final List<String> events = new ArrayList<>();
    }

    /** One statement line, kept only when exports were asked for. */
    record Line(String accountId, long lineNo, Instant at, String type, long amount, String currency, long balanceAfter,
                long heldAfter, String counterpartyId, String paymentId, String transferId, String reference,
                String eventId) {
    }

    private final Map<String, Account> accounts = new HashMap<>();
    private final Map<String, Payment> payments = new HashMap<>();
    private final Map<String, Long> holds = new HashMap<>();
    private final Map<String, Flow> flows = new HashMap<>();
    private final Consumer<Violation> report;
    private final Consumer<Line> lines;

    LedgerReplay(Consumer<Violation> report, Consumer<Line> lines) {
        this.report = report;
        this.lines = lines;
    }

    void apply(CloudEvent event) {
        switch (event.data()) {
            case AccountEvent e -> account(event, e);
            case PaymentEvent e -> payment(event, e);
            default -> { }
        }
    }

    private void account(CloudEvent event, AccountEvent e) {
        String id = event.subject();
        if (e instanceof AccountOpened opened) {
            Account existing = accounts.get(id);
            if (existing == null) {
                accounts.put(id, new Account(id, opened.type(), opened.currency().code()));
            } else {
                existing.type = opened.type();
                existing.currency = opened.currency().code();
            }
            return;
        }
        Account own = accounts.computeIfAbsent(id, a -> new Account(a, null, null));
        statusRules(event, e, own);
        flows(event, e);
        holds(event, e, own);
        List<Posting> postings = Postings.of(e);
        for (Posting posting : postings) {
            post(event, posting);
        }
        if (e instanceof PaymentCredited credited && credited.net().minorUnits()
                != Math.subtractExact(credited.gross().minorUnits(), credited.fee().minorUnits())) {
            report.accept(Violation.of(Violation.Kind.UNBALANCED_MOVEMENT, id, List.of(event.id()),
                    "net " + credited.net() + " is not gross " + credited.gross() + " minus fee " + credited.fee()));
        }
        if (isWallet(own) && Math.subtractExact(own.balance, own.held) < 0) {
            report.accept(Violation.of(Violation.Kind.OVERDRAFT, id, List.of(event.id()), "available "
                    + (own.balance - own.held) + " " + own.currency + " after sequence " + event.sequence()));
        }
        if (own.held < 0) {
            report.accept(Violation.of(Violation.Kind.HOLD, id, List.of(event.id()), "held amount " + own.held));
        }
    }

    private void post(CloudEvent event, Posting posting) {
        String accountId = posting.accountId().value();
        Account account = accounts.computeIfAbsent(accountId, a -> new Account(a, AccountType.SYSTEM,
                posting.amount().currency().code()));
        String currency = posting.amount().currency().code();
        if (account.currency == null) {
            account.currency = currency; // its opening is missing (reported as such): counted all the same
        }
        if (!account.currency.equals(currency)) {
            report.accept(Violation.of(Violation.Kind.CURRENCY, accountId, List.of(event.id()),
                    "a posting in " + currency + " on an account in " + account.currency));
        }
        long amount = posting.amount().minorUnits();
        if (Math.abs(amount) > MAX_MINOR_UNITS) {
            report.accept(Violation.of(Violation.Kind.AMOUNT_LIMIT, accountId, List.of(event.id()),
                    "a posting of " + amount + " minor units"));
        }
        if (account.status == Status.CLOSED && (amount != 0 || posting.heldChange() != 0)) {
            report.accept(Violation.of(Violation.Kind.ACCOUNT_STATUS, accountId, List.of(event.id()),
                    "money moved on a closed account"));
        }
        account.balance = Math.addExact(account.balance, amount);
        account.held = Math.addExact(account.held, posting.heldChange());
        account.lines++;
        if (lines != null) {
            lines.accept(new Line(accountId, account.lines, posting.occurredAt(), posting.type().name(), amount,
                    currency, account.balance, account.held, posting.counterpartyId() == null ? null
                    : posting.counterpartyId().value(), posting.paymentId(), posting.transferId(), posting.reference(),
                    event.id()));
        }
    }

    private void statusRules(CloudEvent event, AccountEvent e, Account own) {
        Money debit = switch (e) {
            case FundsWithdrawn w -> w.amount();
            case TransferDebited t -> t.amount();
            case FundsHeld h -> h.amount();
            case RefundDebited r -> r.amount();
            default -> null;
        };
        Money movement = switch (e) {
            case FundsDeposited d -> d.amount();
            case TransferCredited t -> t.amount();
            case RefundCredited r -> r.amount();
            default -> debit;
        };
        if (movement != null && (movement.minorUnits() <= 0 || movement.minorUnits() > MAX_MINOR_UNITS)) {
            report.accept(Violation.of(Violation.Kind.AMOUNT_LIMIT, own.id, List.of(event.id()),
                    "amount " + movement + " is not between 1 and 10^15 minor units"));
        }
        if (debit != null && own.status != Status.ACTIVE) {
            report.accept(Violation.of(Violation.Kind.ACCOUNT_STATUS, own.id, List.of(event.id()),
                    "a debit of " + debit + " on a " + own.status + " account"));
        }
        switch (e) {
            case AccountFrozen f -> own.status = Status.FROZEN;
            case AccountUnfrozen u -> own.status = Status.ACTIVE;
            case AccountClosed c -> {
                if (own.balance != 0 || own.held != 0) {
                    report.accept(Violation.of(Violation.Kind.ACCOUNT_STATUS, own.id, List.of(event.id()),
                            "closed with balance " + own.balance + " and held " + own.held));
                }
                own.status = Status.CLOSED;
            }
            default -> { }
        }
    }

    private void holds(CloudEvent event, AccountEvent e, Account own) {
        switch (e) {
            case FundsHeld h -> {
                if (holds.putIfAbsent(own.id + "/" + h.holdId(), h.amount().minorUnits()) != null) {
                    report.accept(Violation.of(Violation.Kind.HOLD, own.id, List.of(event.id()),
                            "hold " + h.holdId() + " placed twice"));
                }
            }
            case HoldCaptured c -> endHold(event, own, c.holdId(),
                    Math.addExact(c.captured().minorUnits(), c.released().minorUnits()));
            case HoldReleased r -> endHold(event, own, r.holdId(), r.amount().minorUnits());
            default -> { }
        }
    }

    private void endHold(CloudEvent event, Account own, String holdId, long ended) {
        Long placed = holds.remove(own.id + "/" + holdId);
        if (placed == null) {
            report.accept(Violation.of(Violation.Kind.HOLD, own.id, List.of(event.id()),
                    "hold " + holdId + " ended but not open (never placed, or ended before)"));
        } else if (placed != ended) {
            report.accept(Violation.of(Violation.Kind.HOLD, own.id, List.of(event.id()),
                    "hold " + holdId + " of " + placed + " ended as " + ended));
        }
    }

    private void flows(CloudEvent event, AccountEvent e) {
        switch (e) {
            case TransferDebited t -> flow("transfer " + t.transferId(), t.amount(), event);
            case TransferCredited t -> flow("transfer " + t.transferId(), t.amount().negate(), event);
            case TransferDebitReversed t -> flow("transfer " + t.transferId(), t.amount().negate(), event);
            case HoldCaptured c -> flow("payment " + c.holdId(), c.captured(), event);
            case PaymentCredited c when c.cardFundingAccountId() == null ->
                    flow("payment " + c.paymentId(), c.gross().negate(), event);
            case RefundDebited r when r.payerAccountId() != null -> flow("refund " + r.refundId(), r.amount(), event);
            case RefundCredited r -> flow("refund " + r.refundId(), r.amount().negate(), event);
            default -> { }
        }
    }

    private void flow(String key, Money change, CloudEvent event) {
        Flow flow = flows.computeIfAbsent(key, k -> new Flow());
        if (flow.currency != null && !flow.currency.equals(change.currency().code())) {
            report.accept(Violation.of(Violation.Kind.CURRENCY, event.subject(), List.of(event.id()),
                    key + " moves " + change.currency() + " and " + flow.currency));
        }
        flow.currency = change.currency().code();
        flow.amount = Math.addExact(flow.amount, change.minorUnits());
        flow.events.add(event.id());
    }

    private void payment(CloudEvent event, PaymentEvent e) {
        Payment p = payments.computeIfAbsent(event.subject(), Payment::new);
        p.merchant = e.merchantAccountId().value();
        switch (e) {
            case PaymentRequested r -> {
                p.requested = r.amount().minorUnits();
                p.currency = r.amount().currency().code();
            }
            case PaymentAuthorized a -> {
                p.authorized = a.amount().minorUnits();
                p.currency = a.amount().currency().code();
                p.status = "AUTHORIZED";
                if (p.requested > 0 && p.authorized > p.requested) {
                    bounds(event, p, "authorized " + p.authorized + " above requested " + p.requested);
                }
            }
            case PaymentCaptured c -> {
                p.captured = Math.addExact(p.captured, c.captured().minorUnits());
                p.status = "CAPTURED";
                if (p.captured > p.authorized) {
                    bounds(event, p, "captured " + p.captured + " above authorized " + p.authorized);
                }
            }
            case PaymentRefunded r -> {
                p.refunded = Math.addExact(p.refunded, r.amount().minorUnits());
                p.status = r.fullyRefunded() ? "REFUNDED" : "PARTIALLY_REFUNDED";
                if (p.refunded > p.captured) {
                    bounds(event, p, "refunded " + p.refunded + " above captured " + p.captured);
                }
                if (r.totalRefunded().minorUnits() != p.refunded) {
                    bounds(event, p, "totalRefunded " + r.totalRefunded().minorUnits() + " but refunds sum to " + p.refunded);
                }
            }
            case PaymentCanceled c -> p.status = "CANCELED";
            case PaymentExpired x -> p.status = "EXPIRED";
        }
    }

    private void bounds(CloudEvent event, Payment p, String detail) {
        report.accept(Violation.of(Violation.Kind.PAYMENT_BOUNDS, p.id, List.of(event.id()), detail));
    }

    /** Flows that returned more than they took; the totals per currency (I1). Call once, at the end. */
    Map<String, CurrencyTotals> finish() {
        Map<String, CurrencyTotals> totals = new TreeMap<>();
        flows.forEach((key, flow) -> {
            if (flow.amount < 0) {
                report.accept(Violation.of(Violation.Kind.UNBALANCED_MOVEMENT, key, flow.events, key + " credited or "
                        + "returned " + (-flow.amount) + " " + flow.currency + " more than was debited"));
            }
            totals.computeIfAbsent(flow.currency, CurrencyTotals::new).addInFlight(flow.amount);
        });
        for (Account account : accounts.values()) {
            if (account.currency != null) {
                totals.computeIfAbsent(account.currency, CurrencyTotals::new).addBalance(account);
            }
        }
        totals.values().forEach(t -> {
            if (t.sum() != 0) {
                report.accept(Violation.of(Violation.Kind.CONSERVATION, t.currency(), List.of(),
                        "balances " + t.balances() + " plus in flight " + t.inFlight() + " is " + t.sum() + ", not 0"));
            }
        });
        return totals;
    }

    Map<String, Account> accounts() {
        return accounts;
    }

    Map<String, Payment> payments() {
        return payments;
    }

    private static boolean isWallet(Account account) {
        return account.type == AccountType.CUSTOMER || account.type == AccountType.MERCHANT;
    }

    /** Per currency: the sum of balances by account type and the money in flight; all must sum to zero. */
    static final class CurrencyTotals {
        private final String currency;
        private long balances;
        private long inFlight;
        private final Map<String, Long> byType = new TreeMap<>();

        CurrencyTotals(String currency) {
            this.currency = currency;
        }

        void addBalance(Account account) {
            balances = Math.addExact(balances, account.balance);
            byType.merge(account.type == null ? "UNKNOWN" : account.type.name(), account.balance, Math::addExact);
        }

        void addInFlight(long amount) {
            inFlight = Math.addExact(inFlight, amount);
        }

        String currency() {
            return currency;
        }

        long balances() {
            return balances;
        }

        long inFlight() {
            return inFlight;
        }

        long sum() {
            return Math.addExact(balances, inFlight);
        }

        Map<String, Long> byType() {
            return byType;
        }
    }
}
