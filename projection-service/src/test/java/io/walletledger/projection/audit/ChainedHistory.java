package io.walletledger.projection.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.walletledger.envelope.ChainingEncoder;
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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A small, clean ledger history encoded exactly as published (CloudEvents with their hash chains):
 * accounts opened, deposits, a completed transfer, a wallet payment authorized, captured, credited to
 * its merchant with a fee, and partly refunded. Tests corrupt copies of it.
 */
final class ChainedHistory {

    static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();
    private static final CurrencyCode EUR = CurrencyCode.of("EUR");

    final List<CloudEvent> events = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private Instant clock = T0;

    final String alice = "acc_alice_" + suffix();
    final String bob = "acc_bob_" + suffix();
    final String shop = "acc_shop_" + suffix();
    final String payment = "pay_" + suffix();
    final String transfer = "trf_" + suffix();

    static ChainedHistory clean() {
        ChainedHistory h = new ChainedHistory();
        AccountId alice = AccountId.of(h.alice);
        AccountId bob = AccountId.of(h.bob);
        AccountId shop = AccountId.of(h.shop);
        AccountId card = PaymentMethod.CARD.fundingAccount(EUR);
        AccountId fees = AccountId.of("sys-fee-revenue-eur");
        PaymentId pay = PaymentId.of(h.payment);
        h.add(new AccountOpened(alice, "alice", AccountType.CUSTOMER, EUR, 1, h.clock));
        h.add(new AccountOpened(bob, "bob", AccountType.CUSTOMER, EUR, 1, h.clock));
        h.add(new AccountOpened(shop, "shop", AccountType.MERCHANT, EUR, 1, h.clock));
        h.add(new FundsDeposited(alice, "dep-1", eur(10_000), PaymentMethod.CARD, card, null, h.tick()));
        h.add(new FundsDeposited(bob, "dep-2", eur(500), PaymentMethod.CARD, card, null, h.tick()));
        h.add(new TransferDebited(alice, h.transfer, eur(2_000), bob, "rent", h.tick()));
        h.add(new TransferCredited(bob, h.transfer, eur(2_000), alice, h.tick()));
        h.add(new TransferDebitConfirmed(alice, h.transfer, eur(2_000), h.tick()));
        h.add(new PaymentRequested(pay, shop, eur(3_000), "order-1", CaptureMethod.MANUAL, "shoes",
                h.clock.plus(Duration.ofHours(1)), h.tick()));
        h.add(new FundsHeld(alice, h.payment, eur(3_000), shop, h.tick()));
        h.add(new PaymentAuthorized(pay, shop, FundingSource.WALLET, alice, null, eur(3_000),
                h.clock.plus(Duration.ofDays(7)), h.tick()));
        h.add(new HoldCaptured(alice, h.payment, eur(2_500), eur(500), shop, h.tick()));
        h.add(new PaymentCaptured(pay, shop, FundingSource.WALLET, alice, eur(2_500), eur(500), h.tick()));
        h.add(new PaymentCredited(shop, h.payment, eur(2_500), eur(75), eur(2_425), fees, null, h.tick()));
        h.add(new PaymentRefunded(pay, shop, "ref-1", eur(1_000), eur(1_000), false, "size", h.tick()));
        h.add(new RefundDebited(shop, h.payment, "ref-1", eur(1_000), null, alice, h.tick()));
        h.add(new RefundCredited(alice, h.payment, "ref-1", eur(1_000), shop, h.tick()));
        return h;
    }

    static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    Instant tick() {
        clock = clock.plus(Duration.ofMinutes(1));
        return clock;
    }

    Instant now() {
        return clock;
    }

    CloudEvent add(LedgerEvent data) {
        long sequence = sequences.merge(data.aggregateId(), 1L, Long::sum) - 1;
        CloudEvent event = CloudEvent.of(UUID.randomUUID().toString(), sequence, data.occurredAt(), data);
        events.add(event);
        return event;
    }

    /** The records as the publisher writes them, each chained to its aggregate's previous one. */
    List<byte[]> records() {
        ChainingEncoder chains = new ChainingEncoder();
        List<byte[]> records = new ArrayList<>();
        for (CloudEvent event : events) {
            records.add(chains.encode(event));
        }
        return records;
    }

    static ObjectNode tree(byte[] record) {
        try {
            return (ObjectNode) JSON.readTree(record);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
