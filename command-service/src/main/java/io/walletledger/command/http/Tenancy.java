package io.walletledger.command.http;

import io.micronaut.http.HttpRequest;
import io.walletledger.command.config.FirstEvents;
import io.walletledger.payment.PaymentRequested;
import io.walletledger.servicekit.http.JsonRequest;
import io.walletledger.servicekit.http.ProblemException;
import io.walletledger.servicekit.security.Caller;
import jakarta.inject.Singleton;

/**
 * What a MERCHANT key may act on: payments of its own merchant account. Checked before the
 * idempotency executor runs, so that a refused request records nothing under its key. Other roles
 * act for any account; their permission was checked by the authentication filter.
 */
@Singleton
class Tenancy {

    private final FirstEvents firstEvents;

    Tenancy(FirstEvents firstEvents) {
        this.firstEvents = firstEvents;
    }

    /** The authenticated caller; every command route is behind the authentication filter. */
    static Caller callerOf(HttpRequest<?> http) {
        return http.getAttribute(Caller.ATTRIBUTE, Caller.class)
                .orElseThrow(() -> new IllegalStateException("no caller on " + http.getPath()
                        + ": the authentication filter did not run"));
    }

    /** 403 for a merchant requesting a payment to another merchant account. */
    void requireOwnMerchant(HttpRequest<?> http, JsonRequest body) {
        Caller caller = callerOf(http);
        if (caller.isMerchant()) {
            caller.requireTenant(body.requiredAccountId("merchantAccountId").toString());
        }
    }

    /**
     * 404 for a merchant naming another merchant's payment, with the very answer an unknown payment
     * gets: a merchant must not learn that another tenant's payment exists.
     */
    void requireOwnPayment(HttpRequest<?> http, String paymentId) {
        Caller caller = callerOf(http);
        if (caller.isMerchant() && !caller.merchantAccountId().equals(merchantOf(paymentId))) {
            throw ProblemException.notFound("no such resource: " + paymentId);
        }
    }

    /** The payment's merchant, from the first event of its stream; null when there is none. */
    private String merchantOf(String paymentId) {
        return firstEvents.of(paymentId).orElse(null) instanceof PaymentRequested requested
                ? requested.merchantAccountId().toString() : null;
    }
}
