package io.walletledger.projection.paymentview;

import io.walletledger.projection.accountview.AccountView.Amount;
import io.walletledger.projection.paymentview.PaymentView.TimelineEntry;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Singleton
public class PaymentViewRepository {

    private static final String COLUMNS = """
            payment_id, merchant_account_id, payer_account_id, funding_source, status, currency, amount, authorized,
            captured, refunded, fee, capture_method, order_reference, description, expires_at, created_at,
            updated_at, version""";

    private final DataSource dataSource;

    public PaymentViewRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The payment once its request was applied (a row created only by the merchant's credit is not shown yet). */
    public Optional<PaymentView> find(String paymentId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                     + " FROM payment_view WHERE payment_id = ? AND merchant_account_id IS NOT NULL")) {
            select.setString(1, paymentId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(map(rs, timeline(c, paymentId, rs.getString("currency"))))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read payment " + paymentId, e);
        }
    }

    /** The merchant's latest payments, newest first, without timelines. */
    public List<PaymentView> recent(String merchantAccountId, int limit) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                     + " FROM payment_view WHERE merchant_account_id = ? ORDER BY created_at DESC, payment_id")) {
            select.setString(1, merchantAccountId);
            select.setMaxRows(limit);
            List<PaymentView> payments = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    payments.add(map(rs, List.of()));
                }
            }
            return payments;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read payments of " + merchantAccountId, e);
        }
    }

    private static List<TimelineEntry> timeline(Connection c, String paymentId, String currency) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT event_id, type, amount, detail, occurred_at FROM payment_timeline
                WHERE payment_id = ? ORDER BY occurred_at, event_id""")) {
            select.setString(1, paymentId);
            List<TimelineEntry> entries = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long amount = rs.getLong("amount");
                    Amount shown = rs.wasNull() ? null : new Amount(amount, currency);
                    entries.add(new TimelineEntry(rs.getString("event_id"), rs.getString("type"), shown,
                            rs.getString("detail"), rs.getTimestamp("occurred_at").toInstant()));
                }
            }
            return entries;
        }
    }

    private static PaymentView map(ResultSet rs, List<TimelineEntry> timeline) throws SQLException {
        String currency = rs.getString("currency");
        long captured = rs.getLong("captured");
        long refunded = rs.getLong("refunded");
        long fee = rs.getLong("fee");
        return new PaymentView(rs.getString("payment_id"), rs.getString("merchant_account_id"),
                rs.getString("payer_account_id"), rs.getString("funding_source"), rs.getString("status"),
                new Amount(rs.getLong("amount"), currency), new Amount(rs.getLong("authorized"), currency),
                new Amount(captured, currency), new Amount(refunded, currency), new Amount(fee, currency),
                new Amount(captured - refunded - fee, currency), rs.getString("capture_method"),
                rs.getString("order_reference"), rs.getString("description"), instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")), rs.getLong("version"),
                timeline);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
