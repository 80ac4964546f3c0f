package io.walletledger.payment;

import io.walletledger.account.AccountId;
import io.walletledger.account.NotAMerchant;
import io.walletledger.money.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A merchant payment: requested → authorized (wallet hold or card) → captured (fully or partly) →
 * refunded (any number of times, up to the captured amount: I4); or canceled before capture; or
 * expired. The money moves on the accounts' streams, in the same transaction as these events.
 */
public class Payment {

    @AggregateIdentifier
    private PaymentId paymentId;
    private AccountId merchant;
    private Money amount;
    private CaptureMethod captureMethod;
    private PaymentStatus status;
    private Instant expiresAt;
    private Instant holdExpiresAt;
    private FundingSource fundingSource;
    private AccountId payer;
    private long capturedMinor;
    private long refundedMinor;

    Payment() {
        // for Axon
    }

    /**
     * The payment after a command, and the money that command moved ({@code moved}: the amount
     * authorized, captured, refunded or released; null when nothing moved). The application layer
     * moves that money on the accounts in the same transaction.
     */
    public record State(PaymentId paymentId, AccountId merchant, AccountId payer, FundingSource fundingSource,
                        Money amount, CaptureMethod captureMethod, PaymentStatus status, long capturedMinor,
                        long refundedMinor, Instant expiresAt, Instant holdExpiresAt, Money moved) {
    }

    private State state(Money moved) {
        return new State(paymentId, merchant, payer, fundingSource, amount, captureMethod, status, capturedMinor,
                refundedMinor, expiresAt, holdExpiresAt, moved);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    State handle(RequestPayment command) {
        if (paymentId != null) {
            throw new InvalidPaymentState("payment " + command.paymentId() + " already exists");
        }
        Money requested = command.amount().requireValidMovement();
        if (!command.expiresAt().isAfter(command.requestedAt())) {
            throw new InvalidPaymentState("a payment request must expire in the future");
        }
        apply(new PaymentRequested(command.paymentId(), command.merchantAccountId(), requested,
                command.orderReference(), command.captureMethod(), command.description(), command.expiresAt(),
                command.requestedAt()));
        return state(null);
    }

    @CommandHandler
    State handle(AuthorizePayment command) {
        requireStatus(PaymentStatus.REQUIRES_AUTHORIZATION, "be authorized");
        if (!command.requestedAt().isBefore(expiresAt)) {
            throw new InvalidPaymentState("payment " + paymentId + " expired at " + expiresAt);
        }
        if (merchant.equals(command.payerAccountId())) {
            throw new NotAMerchant(command.payerAccountId());
        }
        apply(new PaymentAuthorized(paymentId, merchant, command.fundingSource(), command.payerAccountId(),
                command.cardReference(), amount, command.holdExpiresAt(), command.requestedAt()));
        return state(amount);
    }

    @CommandHandler
    State handle(CapturePayment command) {
        requireStatus(PaymentStatus.AUTHORIZED, "be captured");
        Money captured = command.amount() == null ? amount : command.amount().requireValidMovement();
        captured.requireCurrency(amount.currency());
        if (captured.minorUnits() > amount.minorUnits()) {
            throw new CaptureExceedsAuthorized("cannot capture " + captured + ": only " + amount + " is authorized");
        }
        apply(new PaymentCaptured(paymentId, merchant, fundingSource, payer, captured, amount.minus(captured),
                command.requestedAt()));
        return state(captured);
    }

    @CommandHandler
    State handle(CancelPayment command) {
        if (status != PaymentStatus.REQUIRES_AUTHORIZATION && status != PaymentStatus.AUTHORIZED) {
            throw new InvalidPaymentState("payment " + paymentId + " is " + status + " and can no longer be canceled");
        }
        Money released = holdsWallet() ? amount : null;
        apply(new PaymentCanceled(paymentId, merchant, payer, released, command.requestedAt()));
        return state(released);
    }

    @CommandHandler
    State handle(RefundPayment command) {
        if (status != PaymentStatus.CAPTURED && status != PaymentStatus.PARTIALLY_REFUNDED) {
            throw new InvalidPaymentState("payment " + paymentId + " is " + status + ": only captured payments are refunded");
        }
        Money refund = command.amount().requireValidMovement();
        refund.requireCurrency(amount.currency());
        long refundable = capturedMinor - refundedMinor;
        if (refund.minorUnits() > refundable) {
            throw new RefundExceedsCaptured("cannot refund " + refund + ": " + refundable + " minor units of "
                    + capturedMinor + " captured remain refundable");
        }
        long total = Math.addExact(refundedMinor, refund.minorUnits());
        apply(new PaymentRefunded(paymentId, merchant, command.refundId(), refund, new Money(total, amount.currency()),
                total == capturedMinor, command.reason(), command.requestedAt()));
        return state(refund);
    }

    @CommandHandler
    State handle(ExpirePayment command) {
        Instant now = command.requestedAt();
        if (status == PaymentStatus.REQUIRES_AUTHORIZATION && !now.isBefore(expiresAt)) {
            apply(new PaymentExpired(paymentId, merchant, ExpiryStage.REQUEST, null, null, now));
            return state(null);
        }
        if (status == PaymentStatus.AUTHORIZED && holdExpiresAt != null && !now.isBefore(holdExpiresAt)) {
            Money released = holdsWallet() ? amount : null;
            apply(new PaymentExpired(paymentId, merchant, ExpiryStage.HOLD, payer, released, now));
            return state(released);
        }
        throw new InvalidPaymentState("payment " + paymentId + " (" + status + ") is not due to expire at " + now);
    }

    private boolean holdsWallet() {
        return status == PaymentStatus.AUTHORIZED && fundingSource == FundingSource.WALLET;
    }

    private void requireStatus(PaymentStatus required, String action) {
        if (status != required) {
            throw new InvalidPaymentState("payment " + paymentId + " is " + status + " and cannot " + action);
        }
    }

    @EventSourcingHandler
    void on(PaymentRequested event) {
        paymentId = event.paymentId();
        merchant = event.merchantAccountId();
        amount = event.amount();
        captureMethod = event.captureMethod();
        expiresAt = event.expiresAt();
        status = PaymentStatus.REQUIRES_AUTHORIZATION;
    }

    @EventSourcingHandler
    void on(PaymentAuthorized event) {
        status = PaymentStatus.AUTHORIZED;
        fundingSource = event.fundingSource();
        payer = event.payerAccountId();
        holdExpiresAt = event.holdExpiresAt();
    }

    @EventSourcingHandler
    void on(PaymentCaptured event) {
        status = PaymentStatus.CAPTURED;
        capturedMinor = event.captured().minorUnits();
    }

    @EventSourcingHandler
    void on(PaymentCanceled event) {
        status = PaymentStatus.CANCELED;
    }

    @EventSourcingHandler
    void on(PaymentRefunded event) {
        refundedMinor = event.totalRefunded().minorUnits();
        status = event.fullyRefunded() ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
    }

    @EventSourcingHandler
    void on(PaymentExpired event) {
        status = PaymentStatus.EXPIRED;
    }
}
