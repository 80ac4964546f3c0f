package io.walletledger.payment;

import io.walletledger.account.AccountId;
import io.walletledger.envelope.LedgerEvent;

/** Facts about one payment, in the order of its stream; each names the merchant it belongs to. */
public sealed interface PaymentEvent extends LedgerEvent
        permits PaymentRequested, PaymentAuthorized, PaymentCaptured, PaymentCanceled, PaymentRefunded, PaymentExpired {
    PaymentId paymentId();

    AccountId merchantAccountId();

    @Override
    default String aggregateId() {
        return paymentId().value();
    }
}
