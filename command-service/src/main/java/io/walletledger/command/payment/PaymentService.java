package io.walletledger.command.payment;

import io.walletledger.account.AccountId;
import io.walletledger.account.CaptureHold;
import io.walletledger.account.CheckCanReceivePayment;
import io.walletledger.account.CreditRefund;
import io.walletledger.account.DebitForRefund;
import io.walletledger.account.HoldEnd;
import io.walletledger.account.PlaceHold;
import io.walletledger.account.ReleaseHold;
import io.walletledger.command.idempotency.AppendedEvents;
import io.walletledger.command.secondfactor.SecondFactors;
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
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The application layer of merchant payments, shared by HTTP and Kafka intake. Each operation sends
 * the payment's command and then moves the payer's money (hold, capture, release, refund credit), all
 * inside the caller's one database transaction. The merchant's side of a capture is settled later by
 * the merchant-settlement processor, so a busy merchant never serializes its customers' payments.
 */
@Singleton
public class PaymentService {

    private final CommandGateway commands;
    private final PaymentDeadlines deadlines;
    private final SecondFactors secondFactors;
    private final AppendedEvents appended;
    private final PaymentSettings settings;
    private final Clock clock;

    public PaymentService(CommandGateway commands, PaymentDeadlines deadlines, SecondFactors secondFactors,
                          AppendedEvents appended, PaymentSettings settings, Clock clock) {
        this.commands = commands;
        this.deadlines = deadlines;
        this.secondFactors = secondFactors;
        this.appended = appended;
        this.settings = settings;
        this.clock = clock;
    }

    public record Request(AccountId merchant, Money amount, String orderReference, CaptureMethod captureMethod,
                          String description, Duration expiresIn) {
    }

    public record Authorization(FundingSource source, AccountId payer, String cardReference,
                                String secondFactorCode) {
    }

    public PaymentResponse request(PaymentId id, Request r) {
        Instant now = clock.instant();
        commands.sendAndWait(new CheckCanReceivePayment(r.merchant(), r.amount().currency()));
        Duration expiresIn = r.expiresIn() == null ? settings.getDefaultRequestExpiry() : r.expiresIn();
        Payment.State state = commands.sendAndWait(new RequestPayment(id, r.merchant(), r.amount(), r.orderReference(),
                r.captureMethod(), r.description(), now.plus(expiresIn), now));
        deadlines.schedule(id, state.expiresAt());
        return PaymentResponse.of(state, null, appended.consistencyToken());
    }

    public PaymentResponse authorize(PaymentId id, Authorization a) {
        Instant now = clock.instant();
        Payment.State state = commands.sendAndWait(new AuthorizePayment(id, a.source(), a.payer(), a.cardReference(),
                now.plus(settings.getHoldExpiry()), now));
        if (a.source() == FundingSource.WALLET) {
            boolean verified = secondFactors.verify(a.payer(), a.secondFactorCode());
            commands.sendAndWait(new PlaceHold(a.payer(), id.value(), state.moved(), state.merchant(), verified, now));
        }
        if (state.captureMethod() == CaptureMethod.AUTOMATIC) {
            return capture(id, null);
        }
        deadlines.schedule(id, state.holdExpiresAt());
        return PaymentResponse.of(state, null, appended.consistencyToken());
    }

    public PaymentResponse capture(PaymentId id, Money amount) {
        Instant now = clock.instant();
        Payment.State state = commands.sendAndWait(new CapturePayment(id, amount, now));
        if (state.fundingSource() == FundingSource.WALLET) {
            commands.sendAndWait(new CaptureHold(state.payer(), id.value(), state.moved(), now));
        }
        // the merchant is credited (less its fee) by the merchant-settlement processor, in batches
        deadlines.cancel(id);
        return PaymentResponse.of(state, null, appended.consistencyToken());
    }

    public PaymentResponse cancel(PaymentId id) {
        Instant now = clock.instant();
        Payment.State state = commands.sendAndWait(new CancelPayment(id, now));
        if (state.moved() != null) {
            commands.sendAndWait(new ReleaseHold(state.payer(), id.value(), HoldEnd.CANCELED, now));
        }
        deadlines.cancel(id);
        return PaymentResponse.of(state, null, appended.consistencyToken());
    }

    public PaymentResponse refund(PaymentId id, String refundId, Money amount, String reason) {
        Instant now = clock.instant();
        Payment.State state = commands.sendAndWait(new RefundPayment(id, refundId, amount, reason, now));
        commands.sendAndWait(new DebitForRefund(state.merchant(), id.value(), refundId, amount, state.fundingSource(),
                state.payer(), now));
        if (state.fundingSource() == FundingSource.WALLET) {
            commands.sendAndWait(new CreditRefund(state.payer(), id.value(), refundId, amount, state.merchant(), now));
        }
        return PaymentResponse.of(state, new PaymentResponse.Refund(refundId, PaymentResponse.Amount.of(amount)),
                appended.consistencyToken());
    }

    /** Called by the deadline scheduler; the payment decides whether it is really due. */
    public void expire(PaymentId id) {
        Instant now = clock.instant();
        Payment.State state = commands.sendAndWait(new ExpirePayment(id, now));
        if (state.moved() != null) {
            commands.sendAndWait(new ReleaseHold(state.payer(), id.value(), HoldEnd.EXPIRED, now));
        }
    }
}
