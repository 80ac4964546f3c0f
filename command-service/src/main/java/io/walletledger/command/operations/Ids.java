package io.walletledger.command.operations;

import io.walletledger.account.AccountId;
import io.walletledger.payment.PaymentId;
import io.walletledger.servicekit.http.ProblemException;

import java.util.UUID;

/** Resource ids are made here, at the edge, never in the domain, so replays stay deterministic. */
final class Ids {

    private Ids() {
    }

    static String next(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "");
    }

    static AccountId account(String id) {
        try {
            return AccountId.of(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.notFound("no account " + id);
        }
    }

    static PaymentId payment(String id) {
        try {
            return PaymentId.of(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.notFound("no payment " + id);
        }
    }
}
