package io.walletledger.projection.merchantsales;

import io.walletledger.account.PaymentCredited;
import io.walletledger.envelope.CloudEvent;
import io.walletledger.money.Money;
import io.walletledger.payment.PaymentAuthorized;
import io.walletledger.payment.PaymentCaptured;
import io.walletledger.payment.PaymentRefunded;
import io.walletledger.projection.BatchedProjector;
import io.walletledger.projection.changefeed.ViewChanges;
import io.walletledger.servicekit.database.KeysQuery;
import io.walletledger.servicekit.kafka.EventApplier;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Records sales facts: a capture's gross, a refund, the fee taken when the merchant was credited.
 * Who paid and by which method is kept per payment from its authorization (a card payer is known by
 * its card reference).
 */
@Singleton
public class MerchantSalesProjector implements BatchedProjector {

    public static final String GROUP = "projection-service.merchant-sales";
    public static final String VIEW = "merchant-sales";

    @Override
    public String consumerGroup() {
        return GROUP;
    }

    /** A fresh batch for one consumer: see {@link Batch}. */
    @Override
    public EventApplier newBatch() {
        return new Batch();
    }

    /**
     * One consumer's batch: the payers already known are read for the whole batch in {@link #prepare}; the
     * payers, the sales facts and the changed buckets are written as JDBC batches after its last event.
     */
    private static final class Batch implements EventApplier {

        /** Payments whose payer is recorded: read in {@link #prepare}, or recorded by the batch. */
        private final Set<String> knownPayers = new HashSet<>();
        private final List<PaymentAuthorized> payers = new ArrayList<>();
        private final List<Fact> facts = new ArrayList<>();
        private final Set<String> buckets = new LinkedHashSet<>();

        @Override
        public void beforeBatch(Connection tx) {
            knownPayers.clear();
            payers.clear();
            facts.clear();
            buckets.clear();
        }

        @Override
        public void prepare(Connection tx, List<CloudEvent> events) throws SQLException {
            List<String> ids = events.stream().filter(e -> e.data() instanceof PaymentAuthorized)
                    .map(e -> ((PaymentAuthorized) e.data()).paymentId().value()).distinct().toList();
            KeysQuery.run(tx, "SELECT payment_id FROM sales_payment WHERE payment_id", "", List.of(), ids,
                    rs -> knownPayers.add(rs.getString(1)));
        }

        @Override
        public void apply(Connection tx, CloudEvent event) throws SQLException {
            switch (event.data()) {
                case PaymentAuthorized e -> payer(e);
                case PaymentCaptured e -> fact(event.id(), SalesEntry.Kind.CAPTURE, e.merchantAccountId().value(),
                        e.paymentId().value(), e.captured(), e.occurredAt());
                case PaymentRefunded e -> fact(event.id(), SalesEntry.Kind.REFUND, e.merchantAccountId().value(),
                        e.paymentId().value(), e.amount(), e.occurredAt());
                case PaymentCredited e when e.fee().minorUnits() > 0 -> fact(event.id(), SalesEntry.Kind.FEE,
                        e.accountId().value(), e.paymentId(), e.fee(), e.occurredAt());
                default -> {
                    // not a sales fact
                }
            }
        }

        private void payer(PaymentAuthorized e) {
            String id = e.paymentId().value();
            if (knownPayers.contains(id)) {
                return;
            }
            knownPayers.add(id);
            payers.add(e);
        }

        private void fact(String eventId, SalesEntry.Kind kind, String merchant, String paymentId, Money amount,
                          Instant at) {
            facts.add(new Fact(eventId, kind, merchant, paymentId, amount, at));
            buckets.add(bucketKey(merchant, at));
        }

        @Override
        public void afterBatch(Connection tx) throws SQLException {
            if (!payers.isEmpty()) {
                try (PreparedStatement insert = tx.prepareStatement(
                        "INSERT INTO sales_payment (payment_id, merchant_account_id, payer_key, method) "
                                + "VALUES (?, ?, ?, ?)")) {
                    for (PaymentAuthorized e : payers) {
                        insert.setString(1, e.paymentId().value());
                        insert.setString(2, e.merchantAccountId().value());
                        insert.setString(3, e.payerAccountId() != null ? e.payerAccountId().value()
                                : "card:" + e.cardReference());
                        insert.setString(4, e.fundingSource().name());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
            if (!facts.isEmpty()) {
                try (PreparedStatement insert = tx.prepareStatement("""
                        INSERT INTO sales_entry (event_id, kind, merchant_account_id, payment_id, currency, amount,
                                                 occurred_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                    for (Fact fact : facts) {
                        insert.setString(1, fact.eventId());
                        insert.setString(2, fact.kind().name());
                        insert.setString(3, fact.merchant());
                        insert.setString(4, fact.paymentId());
                        insert.setString(5, fact.amount().currency().code());
                        insert.setLong(6, fact.amount().minorUnits());
                        insert.setTimestamp(7, Timestamp.from(fact.at()));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
            ViewChanges.markAll(tx, VIEW, buckets);
            beforeBatch(tx);
        }
    }

    private record Fact(String eventId, SalesEntry.Kind kind, String merchant, String paymentId, Money amount,
                        Instant at) {
    }

    /** The key of the hourly UTC bucket published on {@code ledger.merchant-sales.v1}. */
    public static String bucketKey(String merchantAccountId, Instant at) {
        return merchantAccountId + "/" + at.truncatedTo(ChronoUnit.HOURS);
    }
}
