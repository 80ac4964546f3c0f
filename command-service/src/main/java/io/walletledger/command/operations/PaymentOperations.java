package io.walletledger.command.operations;

import io.micronaut.http.HttpStatus;
import io.walletledger.account.AccountId;
import io.walletledger.command.payment.PaymentService;
import io.walletledger.command.payment.PaymentSettings;
import io.walletledger.money.Money;
import io.walletledger.payment.CaptureMethod;
import io.walletledger.payment.FundingSource;
import io.walletledger.payment.PaymentId;
import io.walletledger.servicekit.http.JsonRequest;
import io.walletledger.servicekit.http.ProblemException;
import jakarta.inject.Singleton;

import java.time.Duration;

/** Merchant payments: request → authorize → capture → refunds; or cancel. For HTTP and Kafka alike. */
@Singleton
public class PaymentOperations {

    private final PaymentService payments;
    private final PaymentSettings settings;

    public PaymentOperations(PaymentService payments, PaymentSettings settings) {
        this.payments = payments;
        this.settings = settings;
    }

    public Prepared request(JsonRequest request) {
        AccountId merchant = request.requiredAccountId("merchantAccountId");
        Money amount = request.requiredAmount("amount", "currency");
        String orderReference = request.requiredText("orderReference", 128);
        CaptureMethod captureMethod = request.requiredEnum("captureMethod", CaptureMethod.class, CaptureMethod.values());
        String description = request.optionalText("description", 256);
        int maxSeconds = (int) Math.min(Integer.MAX_VALUE, settings.getMaxRequestExpiry().toSeconds());
        int expiresIn = request.optionalInt("expiresInSeconds", -1, 1, maxSeconds);
        PaymentService.Request r = new PaymentService.Request(merchant, amount, orderReference, captureMethod,
                description, expiresIn < 0 ? null : Duration.ofSeconds(expiresIn));
        return new Prepared(HttpStatus.CREATED, () -> payments.request(PaymentId.of(Ids.next("pay")), r));
    }

    public Prepared authorize(String id, JsonRequest request) {
        PaymentId payment = Ids.payment(id);
        String method = request.optionalText("paymentMethod", 32);
        PaymentService.Authorization authorization;
        if (method == null || method.equals("WALLET")) {
            authorization = new PaymentService.Authorization(FundingSource.WALLET,
                    request.requiredAccountId("payerAccountId"), null, request.optionalText("secondFactorCode", 16));
        } else if (method.equals("CARD")) {
            authorization = new PaymentService.Authorization(FundingSource.CARD, null,
                    request.requiredText("cardReference", 128), null);
        } else {
            throw ProblemException.validation("'paymentMethod' must be WALLET or CARD, was '" + method + "'");
        }
        return new Prepared(HttpStatus.OK, () -> payments.authorize(payment, authorization));
    }

    public Prepared capture(String id, JsonRequest request) {
        PaymentId payment = Ids.payment(id);
        Money amount = request.has("amount") ? request.requiredAmount("amount", "currency") : null;
        return new Prepared(HttpStatus.OK, () -> payments.capture(payment, amount));
    }

    public Prepared cancel(String id, JsonRequest request) {
        PaymentId payment = Ids.payment(id);
        return new Prepared(HttpStatus.OK, () -> payments.cancel(payment));
    }

    public Prepared refund(String id, JsonRequest request) {
        PaymentId payment = Ids.payment(id);
        Money amount = request.requiredAmount("amount", "currency");
        String reason = request.optionalText("reason", 256);
        return new Prepared(HttpStatus.CREATED, () -> payments.refund(payment, Ids.next("ref"), amount, reason));
    }
}
