package io.walletledger.projection.accountview;

import io.walletledger.account.AccountId;
import io.walletledger.money.Money;

import java.time.Instant;

/**
 * One change to one account's balance ({@code amount}, signed) or held amount ({@code heldChange}),
 * as an event implies it. An event may post to several accounts (a deposit and its funding account)
 * or several times to one (a merchant's gross and its fee).
 */
public record Posting(AccountId accountId, LineType type, Money amount, long heldChange, AccountId counterpartyId,
                      String paymentId, String transferId, String reference, Instant occurredAt) {

    public enum LineType {
        DEPOSIT, WITHDRAWAL, FUNDING, TRANSFER_OUT, TRANSFER_IN, TRANSFER_REVERSAL, HOLD, HOLD_CAPTURED,
        HOLD_RELEASED, PAYMENT, FEE, FEE_INCOME, REFUND
    }

    static Posting money(AccountId account, LineType type, Money amount, AccountId counterparty, String paymentId,
                         String transferId, String reference, Instant at) {
        return new Posting(account, type, amount, 0, counterparty, paymentId, transferId, reference, at);
    }

    static Posting hold(AccountId account, LineType type, Money capturedOrZero, long heldChange,
                        AccountId counterparty, String paymentId, Instant at) {
        return new Posting(account, type, capturedOrZero, heldChange, counterparty, paymentId, null, null, at);
    }
}
