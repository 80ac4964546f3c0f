package io.walletledger.command.payment;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.walletledger.money.Money;
import io.walletledger.payment.CaptureMethod;
import io.walletledger.payment.FundingSource;
import io.walletledger.payment.Payment;
import io.walletledger.payment.PaymentStatus;

import java.time.Instant;

/** A payment as the command API answers it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentResponse(String id, String merchantAccountId, Amount amount, CaptureMethod captureMethod,
                              PaymentStatus status, String payerAccountId, FundingSource fundingSource,
                              Amount amountCaptured, Amount amountRefunded, Refund refund,
                              Instant expiresAt, Instant holdExpiresAt, String consistencyToken) {

    public record Amount(long amount, String currency) {
        static Amount of(Money money) {
            return money == null ? null : new Amount(money.minorUnits(), money.currency().code());
        }
    }

    public record Refund(String id, Amount amount) {
    }

    /** The merchant's fee is not here: it is taken when the capture is settled (account.payment_credited). */
    static PaymentResponse of(Payment.State s, Refund refund, String token) {
        return new PaymentResponse(s.paymentId().value(), s.merchant().value(), Amount.of(s.amount()),
                s.captureMethod(), s.status(), s.payer() == null ? null : s.payer().value(), s.fundingSource(),
                Amount.of(new Money(s.capturedMinor(), s.amount().currency())),
                Amount.of(new Money(s.refundedMinor(), s.amount().currency())), refund,
                s.expiresAt(), s.holdExpiresAt(), token);
    }
}
