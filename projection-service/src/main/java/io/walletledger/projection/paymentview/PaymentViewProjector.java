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
import io.walletledger.projection.Projector;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Keeps {@code payment_view} and its timeline. The payment's own events arrive in order on its
 * partition; the merchant credit carrying the fee comes on the merchant's partition and may arrive
 * first, so whichever side comes first creates the row.
 */
@Singleton
public class PaymentViewProjector implements Projector {

    public static final String GROUP = "projection-service.payment-view";

    @Override
    public String consumerGroup() {
        return GROUP;
    }

    @Override
    public void apply(Connection tx, CloudEvent event) throws SQLException {
        if (event.data() instanceof PaymentEvent payment) {
            String id = payment.paymentId().value();
            ensureRow(tx, id, payment.occurredAt());
            applyPaymentEvent(tx, payment, event.sequence());
            timeline(tx, id, event, amountOf(payment), detailOf(payment), payment.occurredAt());
        } else if (event.data() instanceof PaymentCredited credited) {
            ensureRow(tx, credited.paymentId(), credited.occurredAt());
            update(tx, credited.paymentId(), "fee = ?, currency = COALESCE(currency, ?)", credited.occurredAt(),
                    credited.fee().minorUnits(), credited.fee().currency().code());
            timeline(tx, credited.paymentId(), event, credited.net(),
                    "merchant credited: gross " + credited.gross().minorUnits() + ", fee " + credited.fee().minorUnits(),
                    credited.occurredAt());
        }
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

    private static void ensureRow(Connection tx, String paymentId, Instant at) throws SQLException {
        try (PreparedStatement select = tx.prepareStatement("SELECT 1 FROM payment_view WHERE payment_id = ?")) {
            select.setString(1, paymentId);
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement insert = tx.prepareStatement("""
                INSERT INTO payment_view (payment_id, authorized, captured, refunded, fee, updated_at, version)
                VALUES (?, 0, 0, 0, 0, ?, -1)""")) {
            insert.setString(1, paymentId);
            insert.setTimestamp(2, Timestamp.from(at));
            insert.executeUpdate();
        }
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

    private static void timeline(Connection tx, String paymentId, CloudEvent event, Money amount, String detail,
                                 Instant at) throws SQLException {
        try (PreparedStatement insert = tx.prepareStatement("""
                INSERT INTO payment_timeline (payment_id, event_id, type, amount, detail, occurred_at)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, paymentId);
            insert.setString(2, event.id());
            insert.setString(3, event.type());
            insert.setObject(4, amount == null ? null : amount.minorUnits());
            insert.setString(5, detail);
            insert.setTimestamp(6, Timestamp.from(at));
            insert.executeUpdate();
        }
    }
}
