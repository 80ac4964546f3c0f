package io.walletledger.projection.merchantsales;

import io.walletledger.account.PaymentCredited;
import io.walletledger.envelope.CloudEvent;
import io.walletledger.money.Money;
import io.walletledger.payment.PaymentAuthorized;
import io.walletledger.payment.PaymentCaptured;
import io.walletledger.payment.PaymentRefunded;
import io.walletledger.projection.Projector;
import io.walletledger.projection.changefeed.ViewChanges;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Records sales facts: a capture's gross, a refund, the fee taken when the merchant was credited.
 * Who paid and by which method is kept per payment from its authorization (a card payer is known by
 * its card reference).
 */
@Singleton
public class MerchantSalesProjector implements Projector {

    public static final String GROUP = "projection-service.merchant-sales";
    public static final String VIEW = "merchant-sales";

    @Override
    public String consumerGroup() {
        return GROUP;
    }

    @Override
    public void apply(Connection tx, CloudEvent event) throws SQLException {
        switch (event.data()) {
            case PaymentAuthorized e -> payer(tx, e);
            case PaymentCaptured e -> entry(tx, event.id(), SalesEntry.Kind.CAPTURE, e.merchantAccountId().value(),
                    e.paymentId().value(), e.captured(), e.occurredAt());
            case PaymentRefunded e -> entry(tx, event.id(), SalesEntry.Kind.REFUND, e.merchantAccountId().value(),
                    e.paymentId().value(), e.amount(), e.occurredAt());
            case PaymentCredited e when e.fee().minorUnits() > 0 -> entry(tx, event.id(), SalesEntry.Kind.FEE,
                    e.accountId().value(), e.paymentId(), e.fee(), e.occurredAt());
            default -> {
                // not a sales fact
            }
        }
    }

    /** The key of the hourly UTC bucket published on {@code ledger.merchant-sales.v1}. */
    public static String bucketKey(String merchantAccountId, Instant at) {
        return merchantAccountId + "/" + at.truncatedTo(ChronoUnit.HOURS);
    }

    private static void payer(Connection tx, PaymentAuthorized e) throws SQLException {
        String payer = e.payerAccountId() != null ? e.payerAccountId().value() : "card:" + e.cardReference();
        try (PreparedStatement select = tx.prepareStatement("SELECT 1 FROM sales_payment WHERE payment_id = ?")) {
            select.setString(1, e.paymentId().value());
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement insert = tx.prepareStatement(
                "INSERT INTO sales_payment (payment_id, merchant_account_id, payer_key, method) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, e.paymentId().value());
            insert.setString(2, e.merchantAccountId().value());
            insert.setString(3, payer);
            insert.setString(4, e.fundingSource().name());
            insert.executeUpdate();
        }
    }

    private static void entry(Connection tx, String eventId, SalesEntry.Kind kind, String merchant, String paymentId,
                              Money amount, Instant at) throws SQLException {
        try (PreparedStatement insert = tx.prepareStatement("""
                INSERT INTO sales_entry (event_id, kind, merchant_account_id, payment_id, currency, amount, occurred_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, eventId);
            insert.setString(2, kind.name());
            insert.setString(3, merchant);
            insert.setString(4, paymentId);
            insert.setString(5, amount.currency().code());
            insert.setLong(6, amount.minorUnits());
            insert.setTimestamp(7, Timestamp.from(at));
            insert.executeUpdate();
        }
        ViewChanges.mark(tx, VIEW, bucketKey(merchant, at));
    }
}
