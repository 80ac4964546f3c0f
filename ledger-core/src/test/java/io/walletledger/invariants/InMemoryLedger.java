package io.walletledger.invariants;

import io.walletledger.account.Account;
import io.walletledger.account.AccountId;
import io.walletledger.account.CaptureHold;
import io.walletledger.account.CheckCanReceivePayment;
import io.walletledger.account.ConfirmTransferDebit;
import io.walletledger.account.CreditForPayment;
import io.walletledger.account.CreditForTransfer;
import io.walletledger.account.CreditRefund;
import io.walletledger.account.DebitForRefund;
import io.walletledger.account.DebitForTransfer;
import io.walletledger.account.HoldEnd;
import io.walletledger.account.KycLimits;
import io.walletledger.account.PlaceHold;
import io.walletledger.account.ReleaseHold;
import io.walletledger.account.ReverseTransferDebit;
import io.walletledger.account.TransferFailure;
import io.walletledger.envelope.LedgerEvent;
import io.walletledger.money.Money;
import io.walletledger.payment.AuthorizePayment;
import io.walletledger.payment.CancelPayment;
import io.walletledger.payment.CaptureMethod;
import io.walletledger.payment.CapturePayment;
import io.walletledger.payment.ExpirePayment;
import io.walletledger.payment.FundingSource;
import io.walletledger.payment.Payment;
import io.walletledger.payment.PaymentId;
import io.walletledger.payment.RefundPayment;
import io.walletledger.payment.RequestPayment;
import io.walletledger.violation.LedgerViolation;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The real aggregates on Axon's in-memory event store, driven with the same multi-aggregate steps as
 * command-service's application layer. Each operation runs in one unit of work: a refusal anywhere
 * rolls back every event of the operation, as the database transaction does in production.
 */
final class InMemoryLedger implements AutoCloseable {

    private final Configuration axon;
    private final CommandGateway commands;
    private Instant now = Instant.parse("2026-11-25T00:00:00Z");
    String lastRefusal = "";

    InMemoryLedger() {
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(Account.class)
                .configureAggregate(Payment.class)
                .registerComponent(KycLimits.class, c -> KycLimits.defaults())
                .buildConfiguration();
        axon.start();
        commands = axon.commandGateway();
    }

    Instant now() {
        return now;
    }

    void advance(long seconds) {
        now = now.plusSeconds(seconds);
    }

    /** Runs an operation atomically; true when it was accepted, false when a rule refused it. */
    boolean attempt(Consumer<CommandGateway> operation) {
        UnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
        try {
            operation.accept(commands);
        } catch (LedgerViolation | AggregateNotFoundException refused) {
            uow.rollback(refused);
            lastRefusal = refused.getClass().getSimpleName() + (refused instanceof AggregateNotFoundException nf ? " " + nf.getAggregateIdentifier() : "");
            return false;
        } catch (RuntimeException unexpected) {
            uow.rollback(unexpected);
            throw unexpected;
        }
        uow.commit();
        return true;
    }

    void send(Object command) {
        commands.sendAndWait(command);
    }

    boolean transfer(AccountId from, AccountId to, Money amount, String id) {
        if (!attempt(c -> c.sendAndWait(new DebitForTransfer(from, id, amount, to, null, now)))) {
            return false;
        }
        // the transfer process: credit, or reverse the debit when the destination refuses
        if (attempt(c -> c.sendAndWait(new CreditForTransfer(to, id, amount, from, now)))) {
            attempt(c -> c.sendAndWait(new ConfirmTransferDebit(from, id, now)));
        } else {
            attempt(c -> c.sendAndWait(new ReverseTransferDebit(from, id, amount, TransferFailure.CREDIT_REFUSED, now)));
        }
        return true;
    }

    boolean request(PaymentId id, AccountId merchant, Money amount, CaptureMethod method) {
        return attempt(c -> {
            c.sendAndWait(new CheckCanReceivePayment(merchant, amount.currency()));
            c.sendAndWait(new RequestPayment(id, merchant, amount, "order", method, null, now.plusSeconds(900), now));
        });
    }

    boolean authorize(PaymentId id, AccountId payer) {
        Payment.State[] captured = new Payment.State[1];
        boolean accepted = attempt(c -> {
            Payment.State s = c.sendAndWait(new AuthorizePayment(id, FundingSource.WALLET, payer, null,
                    now.plusSeconds(7 * 86_400), now));
            c.sendAndWait(new PlaceHold(payer, id.value(), s.moved(), s.merchant(), false, now));
            if (s.captureMethod() == CaptureMethod.AUTOMATIC) {
                captured[0] = capture(c, id, null);
            }
        });
        if (accepted && captured[0] != null) {
            settle(captured[0]);
        }
        return accepted;
    }

    boolean capture(PaymentId id, Money amount) {
        Payment.State[] captured = new Payment.State[1];
        boolean accepted = attempt(c -> captured[0] = capture(c, id, amount));
        if (accepted) {
            settle(captured[0]);
        }
        return accepted;
    }

    private Payment.State capture(CommandGateway c, PaymentId id, Money amount) {
        Payment.State s = c.sendAndWait(new CapturePayment(id, amount, now));
        c.sendAndWait(new CaptureHold(s.payer(), id.value(), s.moved(), now));
        return s;
    }

    /** What the merchant-settlement processor does after the capture committed. */
    private void settle(Payment.State captured) {
        if (!attempt(c -> c.sendAndWait(new CreditForPayment(captured.merchant(), captured.paymentId().value(),
                captured.moved(), captured.fundingSource(), now)))) {
            throw new IllegalStateException("a capture could not be settled: " + lastRefusal);
        }
    }

    boolean cancel(PaymentId id) {
        return attempt(c -> {
            Payment.State s = c.sendAndWait(new CancelPayment(id, now));
            if (s.moved() != null) {
                c.sendAndWait(new ReleaseHold(s.payer(), id.value(), HoldEnd.CANCELED, now));
            }
        });
    }

    boolean refund(PaymentId id, Money amount, String refundId) {
        return attempt(c -> {
            Payment.State s = c.sendAndWait(new RefundPayment(id, refundId, amount, null, now));
            c.sendAndWait(new DebitForRefund(s.merchant(), id.value(), refundId, amount, s.fundingSource(), s.payer(), now));
            c.sendAndWait(new CreditRefund(s.payer(), id.value(), refundId, amount, s.merchant(), now));
        });
    }

    boolean expire(PaymentId id) {
        return attempt(c -> {
            Payment.State s = c.sendAndWait(new ExpirePayment(id, now));
            if (s.moved() != null) {
                c.sendAndWait(new ReleaseHold(s.payer(), id.value(), HoldEnd.EXPIRED, now));
            }
        });
    }

    /** Every stored event, in the order of the store. */
    List<LedgerEvent> history() {
        List<LedgerEvent> events = new ArrayList<>();
        try (var stream = axon.eventStore().openStream(null)) {
            while (stream.hasNextAvailable()) {
                EventMessage<?> message = stream.nextAvailable();
                events.add((LedgerEvent) message.getPayload());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return events;
    }

    @Override
    public void close() {
        axon.shutdown();
    }
}
