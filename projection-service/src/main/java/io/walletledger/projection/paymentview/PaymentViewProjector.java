package io.walletledger.projection.paymentview;

import io.walletledger.account.PaymentCredited;
import io.walletledger.envelope.CloudEvent;
import io.walletledger.money.Money;
import io.walletledger.payment.PaymentAuthorized;
import io.walletledger.payment.PaymentCanceled;
import io.walletledger.payment.PaymentCaptured;
import io.walletledger.payment.PaymentEvent;
import io.walletledger.payment.PaymentExpired;
import io.walletledger.payment.PaymentRefunded;
import io.walletledger.payment.PaymentRequested;
import io.walletledger.payment.PaymentStatus;
import io.walletledger.projection.BatchedProjector;
import io.walletledger.servicekit.database.KeysQuery;
import io.walletledger.servicekit.kafka.EventApplier;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps {@code payment_view} and its timeline. The payment's own events arrive in order on its
 * partition; the merchant credit carrying the fee comes on the merchant's partition and may arrive
 * first, so whichever side comes first creates the row.
 */
@Singleton
public class PaymentViewProjector implements BatchedProjector {

    public static final String GROUP = "projection-service.payment-view";

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
     * One consumer's batch: which payments have a row is read for the whole batch in {@link #prepare}
     * (one query, not one per event), and the timeline entries are inserted as one JDBC batch at its end.
     * The row updates stay statements of their own, each an atomic change of the columns its event sets,
     * so the two streams that feed a row (the payment's own and the merchant's credit) need no lock.
     */
    private static final class Batch implements EventApplier {

        /** Payments of the batch that have a row: read in {@link #prepare}, or inserted by the batch. */
        private final Set<String> rows = new HashSet<>();
        private final List<TimelineEntry> timeline = new ArrayList<>();

        @Override
        public void beforeBatch(Connection tx) {
            rows.clear();
            timeline.clear();
        }

        @Override
        public void prepare(Connection tx, List<CloudEvent> events) throws SQLException {
            List<String> ids = events.stream().map(e -> paymentOf(e.data())).filter(Objects::nonNull).distinct()
                    .filter(id -> !rows.contains(id)).toList();
            KeysQuery.run(tx, "SELECT payment_id FROM payment_view WHERE payment_id", "", List.of(), ids,
                    rs -> rows.add(rs.getString(1)));
        }

        @Override
        public void apply(Connection tx, CloudEvent event) throws SQLException {
            if (event.data() instanceof PaymentEvent payment) {
                String id = payment.paymentId().value();
                ensureRow(tx, id, payment.occurredAt());
                applyPaymentEvent(tx, payment, event.sequence());
                timeline.add(new TimelineEntry(id, event.id(), event.type(), amountOf(payment), detailOf(payment),
                        payment.occurredAt()));
            } else if (event.data() instanceof PaymentCredited credited) {
                ensureRow(tx, credited.paymentId(), credited.occurredAt());
                update(tx, credited.paymentId(), "fee = ?, currency = COALESCE(currency, ?)", credited.occurredAt(),
                        credited.fee().minorUnits(), credited.fee().currency().code());
                timeline.add(new TimelineEntry(credited.paymentId(), event.id(), event.type(), credited.net(),
                        "merchant credited: gross " + credited.gross().minorUnits() + ", fee "
                                + credited.fee().minorUnits(), credited.occurredAt()));
            }
        }

        private void ensureRow(Connection tx, String paymentId, Instant at) throws SQLException {
            if (rows.contains(paymentId)) {
                return;
            }
            try (PreparedStatement insert = tx.prepareStatement("""
                    INSERT INTO payment_view (payment_id, authorized, captured, refunded, fee, updated_at, version)
                    VALUES (?, 0, 0, 0, 0, ?, -1)""")) {
                insert.setString(1, paymentId);
                insert.setTimestamp(2, Timestamp.from(at));
                insert.executeUpdate();
            }
            rows.add(paymentId);
        }

        @Override
        public void afterBatch(Connection tx) throws SQLException {
            if (!timeline.isEmpty()) {
                try (PreparedStatement insert = tx.prepareStatement("""
                        INSERT INTO payment_timeline (payment_id, event_id, type, amount, detail, occurred_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")) {
                    for (TimelineEntry entry : timeline) {
                        insert.setString(1, entry.paymentId());
                        insert.setString(2, entry.eventId());
                        insert.setString(3, entry.type());
                        insert.setObject(4, entry.amount() == null ? null : entry.amount().minorUnits());
                        insert.setString(5, entry.detail());
                        insert.setTimestamp(6, Timestamp.from(entry.at()));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
            beforeBatch(tx);
        }
    }

    private record TimelineEntry(String paymentId, String eventId, String type, Money amount, String detail,
                                 Instant at) {
    }

    private static String paymentOf(Object data) {
        return switch (data) {
            case PaymentEvent payment -> payment.paymentId().value();
            case PaymentCredited credited -> credited.paymentId();
            default -> null;
        };
    }

    private static void applyPaymentEvent(Connection tx, PaymentEvent payment, long seq) throws SQLException {
        String id = payment.paymentId().value();
        switch (payment) {
            case PaymentRequested e -> update(tx, id, """
                    merchant_account_id = ?, status = ?, currency = ?, amount = ?, capture_method = ?,
                    order_reference = ?, description = ?, expires_at = ?, created_at = ?, version = ?""",
                    e.occurredAt(), e.merchantAccountId().value(), PaymentStatus.REQUIRES_AUTHORIZATION.name(),
                    e.amount().currency().code(), e.amount().minorUnits(), e.captureMethod().name(), e.orderReference(),
                    e.description(), e.expiresAt() == null ? null : Timestamp.from(e.expiresAt()), Timestamp.from(e.occurredAt()), seq);
            case PaymentAuthorized e -> update(tx, id, """
                    status = ?, authorized = ?, payer_account_id = ?, card_reference = ?, funding_source = ?,
                    version = ?""", e.occurredAt(), PaymentStatus.AUTHORIZED.name(), e.amount().minorUnits(),
                    e.payerAccountId() == null ? null : e.payerAccountId().value(), e.cardReference(),
                    e.fundingSource().name(), seq);
            case PaymentCaptured e -> update(tx, id, "status = ?, captured = captured + ?, version = ?", e.occurredAt(),
                    PaymentStatus.CAPTURED.name(), e.captured().minorUnits(), seq);
            case PaymentCanceled e -> update(tx, id, "status = ?, version = ?", e.occurredAt(),
                    PaymentStatus.CANCELED.name(), seq);
            case PaymentExpired e -> update(tx, id, "status = ?, version = ?", e.occurredAt(),
                    PaymentStatus.EXPIRED.name(), seq);
            case PaymentRefunded e -> update(tx, id, "status = ?, refunded = ?, version = ?", e.occurredAt(),
                    (e.fullyRefunded() ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED).name(),
                    e.totalRefunded().minorUnits(), seq);
        }
    }

    private static Money amountOf(PaymentEvent payment) {
        return switch (payment) {
            case PaymentRequested e -> e.amount();
            case PaymentAuthorized e -> e.amount();
            case PaymentCaptured e -> e.captured();
            case PaymentCanceled e -> e.released();
            case PaymentExpired e -> e.released();
            case PaymentRefunded e -> e.amount();
        };
    }

    private static String detailOf(PaymentEvent payment) {
        return switch (payment) {
            case PaymentRequested e -> "order " + e.orderReference();
            case PaymentAuthorized e -> "funded by " + e.fundingSource();
            case PaymentCaptured e -> e.released().minorUnits() > 0 ? "released " + e.released().minorUnits() : null;
            case PaymentCanceled e -> null;
            case PaymentExpired e -> "stage " + e.stage();
            case PaymentRefunded e -> e.reason() == null ? "refund " + e.refundId() : "refund " + e.refundId() + ": "
                    + (e.reason().length() > 200 ? e.reason().substring(0, 200) : e.reason());
        };
    }

    private static void update(Connection tx, String paymentId, String assignments, Instant at, Object... values)
            throws SQLException {
        try (PreparedStatement update = tx.prepareStatement(
                "UPDATE payment_view SET " + assignments
                        + ", updated_at = CASE WHEN updated_at > ? THEN updated_at ELSE ? END WHERE payment_id = ?")) {
            int i = 1;
            for (Object value : values) {
                update.setObject(i++, value);
            }
            // the latest event time, whichever stream's event is applied last (the fee comes from the merchant's)
            update.setTimestamp(i++, Timestamp.from(at));
            update.setTimestamp(i++, Timestamp.from(at));
            update.setString(i, paymentId);
            update.executeUpdate();
        }
    }
}
