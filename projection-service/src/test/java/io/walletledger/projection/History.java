package io.walletledger.projection;

import io.walletledger.account.AccountId;
import io.walletledger.account.AccountOpened;
import io.walletledger.account.AccountType;
import io.walletledger.account.FundsDeposited;
import io.walletledger.account.FundsHeld;
import io.walletledger.account.HoldCaptured;
import io.walletledger.account.PaymentCredited;
import io.walletledger.account.PaymentMethod;
import io.walletledger.account.RefundCredited;
import io.walletledger.account.RefundDebited;
import io.walletledger.account.TransferCredited;
import io.walletledger.account.TransferDebitConfirmed;
import io.walletledger.account.TransferDebited;
import io.walletledger.envelope.CloudEvent;
import io.walletledger.envelope.LedgerEvent;
import io.walletledger.money.CurrencyCode;
import io.walletledger.money.Money;
import io.walletledger.payment.CaptureMethod;
import io.walletledger.payment.FundingSource;
import io.walletledger.payment.PaymentAuthorized;
import io.walletledger.payment.PaymentCaptured;
import io.walletledger.payment.PaymentId;
import io.walletledger.payment.PaymentRefunded;
import io.walletledger.payment.PaymentRequested;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds event histories as command-service would publish them (each aggregate's sequence from 0),
 * for tests of the read models.
 */
public final class History {

    public static final AccountId FEES_EUR = AccountId.of("sys-fee-revenue-eur");

    private final Map<String, Long> sequences = new HashMap<>();
    private final List<CloudEvent> events = new ArrayList<>();

    public CloudEvent add(LedgerEvent event) {
        long sequence = sequences.merge(event.aggregateId(), 1L, Long::sum) - 1;
        CloudEvent envelope = CloudEvent.of(UUID.randomUUID().toString(), sequence, event.occurredAt(), event);
        events.add(envelope);
        return envelope;
    }

    public List<CloudEvent> events() {
        return List.copyOf(events);
    }

    /** The events added since {@code from} (an index into {@link #events()}). */
    public List<CloudEvent> since(int from) {
        return List.copyOf(events.subList(from, events.size()));
    }

    public int size() {
        return events.size();
    }

    public static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }

    public History open(String id, AccountType type, Instant at) {
        add(new AccountOpened(AccountId.of(id), "owner-" + id, type, CurrencyCode.of("EUR"), 1, at));
        return this;
    }

    public History deposit(String id, long minor, Instant at) {
        add(new FundsDeposited(AccountId.of(id), "dep-" + UUID.randomUUID(), eur(minor), PaymentMethod.BANK_TRANSFER,
                PaymentMethod.BANK_TRANSFER.fundingAccount(CurrencyCode.of("EUR")), "ref", at));
        return this;
    }

    /** A wallet payment, automatically captured in full, and the merchant's credit with its fee. */
    public History walletPayment(String paymentId, String merchant, String payer, long minor, long fee, Instant at) {
        PaymentId id = PaymentId.of(paymentId);
        AccountId m = AccountId.of(merchant);
        AccountId p = AccountId.of(payer);
        add(new PaymentRequested(id, m, eur(minor), "order-" + paymentId, CaptureMethod.AUTOMATIC, null,
                at.plusSeconds(3600), at));
        add(new PaymentAuthorized(id, m, FundingSource.WALLET, p, null, eur(minor), at.plusSeconds(7 * 86400), at));
        add(new FundsHeld(p, paymentId, eur(minor), m, at));
        add(new PaymentCaptured(id, m, FundingSource.WALLET, p, eur(minor), eur(0), at));
        add(new HoldCaptured(p, paymentId, eur(minor), eur(0), m, at));
        add(new PaymentCredited(m, paymentId, eur(minor), eur(fee), eur(minor - fee), FEES_EUR, null, at));
        return this;
    }

    /** A card payment (pass-through: the card funding account pays the merchant). */
    public History cardPayment(String paymentId, String merchant, String cardReference, long minor, long fee, Instant at) {
        PaymentId id = PaymentId.of(paymentId);
        AccountId m = AccountId.of(merchant);
        AccountId cardFunding = PaymentMethod.CARD.fundingAccount(CurrencyCode.of("EUR"));
        add(new PaymentRequested(id, m, eur(minor), "order-" + paymentId, CaptureMethod.AUTOMATIC, null,
                at.plusSeconds(3600), at));
        add(new PaymentAuthorized(id, m, FundingSource.CARD, null, cardReference, eur(minor), null, at));
        add(new PaymentCaptured(id, m, FundingSource.CARD, null, eur(minor), eur(0), at));
        add(new PaymentCredited(m, paymentId, eur(minor), eur(fee), eur(minor - fee), FEES_EUR, cardFunding, at));
        return this;
    }

    /** A refund of a wallet payment: the merchant is debited, the payer credited. */
    public History walletRefund(String paymentId, String merchant, String payer, long minor, long totalRefunded,
                                boolean full, Instant at) {
        String refundId = "ref-" + UUID.randomUUID();
        add(new PaymentRefunded(PaymentId.of(paymentId), AccountId.of(merchant), refundId, eur(minor),
                eur(totalRefunded), full, "customer asked", at));
        add(new RefundDebited(AccountId.of(merchant), paymentId, refundId, eur(minor), null, AccountId.of(payer), at));
        add(new RefundCredited(AccountId.of(payer), paymentId, refundId, eur(minor), AccountId.of(merchant), at));
        return this;
    }

    public History transfer(String transferId, String from, String to, long minor, Instant at) {
        add(new TransferDebited(AccountId.of(from), transferId, eur(minor), AccountId.of(to), "rent", at));
        add(new TransferCredited(AccountId.of(to), transferId, eur(minor), AccountId.of(from), at));
        add(new TransferDebitConfirmed(AccountId.of(from), transferId, eur(minor), at));
        return this;
    }
}
