package io.walletledger.projection.dashboard;

import io.walletledger.account.AccountId;
import io.walletledger.account.AccountOpened;
import io.walletledger.account.AccountType;
import io.walletledger.account.FundsDeposited;
import io.walletledger.account.FundsHeld;
import io.walletledger.account.HoldCaptured;
import io.walletledger.account.PaymentCredited;
import io.walletledger.account.PaymentMethod;
import io.walletledger.account.RefundDebited;
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
 * The events command-service publishes for one merchant and one wallet customer, stamped "now",
 * with each aggregate's sequence counted from 0 as its stream would.
 */
final class ShopEvents {

    static final String CURRENCY = "EUR";
    static final String CARD_REFERENCE = "card-4242";

    final String merchant;
    final String customer;
    private final CurrencyCode currency = CurrencyCode.of(CURRENCY);
    private final Map<String, Long> sequences = new HashMap<>();

    ShopEvents(String merchant, String customer) {
        this.merchant = merchant;
        this.customer = customer;
    }

    List<CloudEvent> openAccounts(long customerDeposit) {
        Instant now = Instant.now();
        return List.of(
                event(new AccountOpened(AccountId.of(merchant), "owner-" + merchant, AccountType.MERCHANT, currency,
                        2, now)),
                event(new AccountOpened(AccountId.of(customer), "owner-" + customer, AccountType.CUSTOMER, currency,
                        2, now)),
                event(new FundsDeposited(AccountId.of(customer), "dep-" + customer, money(customerDeposit),
                        PaymentMethod.BANK_TRANSFER, PaymentMethod.BANK_TRANSFER.fundingAccount(currency), null, now)));
    }

    List<CloudEvent> capturedPayment(String paymentId, FundingSource source, long amount, long fee) {
        return capturedPayment(paymentId, "order-" + paymentId, source, amount, fee);
    }

    /** Request, authorization, capture in full and the merchant's credit less {@code fee}. */
    List<CloudEvent> capturedPayment(String paymentId, String orderReference, FundingSource source, long amount,
                                     long fee) {
        Instant now = Instant.now();
        PaymentId id = PaymentId.of(paymentId);
        AccountId merchantId = AccountId.of(merchant);
        boolean wallet = source == FundingSource.WALLET;
        AccountId payer = wallet ? AccountId.of(customer) : null;
        List<CloudEvent> events = new ArrayList<>();
        events.add(event(new PaymentRequested(id, merchantId, money(amount), orderReference,
                CaptureMethod.AUTOMATIC, "dashboard test", null, now)));
        events.add(event(new PaymentAuthorized(id, merchantId, source, payer, wallet ? null : CARD_REFERENCE,
                money(amount), null, now)));
        if (wallet) {
            events.add(event(new FundsHeld(payer, paymentId, money(amount), merchantId, now)));
        }
        events.add(event(new PaymentCaptured(id, merchantId, source, payer, money(amount), money(0), now)));
        if (wallet) {
            events.add(event(new HoldCaptured(payer, paymentId, money(amount), money(0), merchantId, now)));
        }
        events.add(event(new PaymentCredited(merchantId, paymentId, money(amount), money(fee), money(amount - fee),
                AccountId.of("sys-fee-revenue-eur"), wallet ? null : PaymentMethod.CARD.fundingAccount(currency),
                now)));
        return events;
    }

    /** A partial refund of a card payment: the payment's event and the merchant's debit. */
    List<CloudEvent> cardRefund(String paymentId, String refundId, long amount) {
        Instant now = Instant.now();
        AccountId merchantId = AccountId.of(merchant);
        return List.of(
                event(new PaymentRefunded(PaymentId.of(paymentId), merchantId, refundId, money(amount), money(amount),
                        false, "returned <goods> & \"more\"", now)),
                event(new RefundDebited(merchantId, paymentId, refundId, money(amount),
                        PaymentMethod.CARD.fundingAccount(currency), null, now)));
    }

    private CloudEvent event(LedgerEvent data) {
        long sequence = sequences.merge(data.aggregateId(), 1L, Long::sum) - 1;
        return CloudEvent.of(UUID.randomUUID().toString(), sequence, Instant.now(), data);
    }

    private Money money(long minorUnits) {
        return new Money(minorUnits, currency);
    }

    static CloudEvent[] all(List<List<CloudEvent>> groups) {
        return groups.stream().flatMap(List::stream).toArray(CloudEvent[]::new);
    }
}
