package io.walletledger.command.payment;

import io.walletledger.command.config.JdbcTransactionManager;
import io.walletledger.payment.PaymentId;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@code payment_deadline} table, always written on the caller's transaction. */
@Singleton
public class PaymentDeadlines {

    private final JdbcTransactionManager transactions;

    public PaymentDeadlines(JdbcTransactionManager transactions) {
        this.transactions = transactions;
    }

    public void schedule(PaymentId payment, Instant dueAt) {
        try (Connection c = transactions.getConnection()) {
            try (PreparedStatement update = c.prepareStatement("UPDATE payment_deadline SET due_at = ? WHERE payment_id = ?")) {
                update.setTimestamp(1, Timestamp.from(dueAt));
                update.setString(2, payment.value());
                if (update.executeUpdate() == 1) {
                    return;
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO payment_deadline (payment_id, due_at) VALUES (?, ?)")) {
                insert.setString(1, payment.value());
                insert.setTimestamp(2, Timestamp.from(dueAt));
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot schedule deadline of " + payment, e);
        }
    }

    public void cancel(PaymentId payment) {
        try (Connection c = transactions.getConnection();
             PreparedStatement delete = c.prepareStatement("DELETE FROM payment_deadline WHERE payment_id = ?")) {
            delete.setString(1, payment.value());
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot cancel deadline of " + payment, e);
        }
    }

    /** Deletes the deadline if it is still the one seen; true when this caller now owns its expiry. */
    boolean claim(PaymentId payment, Instant dueAt) {
        try (Connection c = transactions.getConnection();
             PreparedStatement delete = c.prepareStatement(
                     "DELETE FROM payment_deadline WHERE payment_id = ? AND due_at = ?")) {
            delete.setString(1, payment.value());
            delete.setTimestamp(2, Timestamp.from(dueAt));
            return delete.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot claim deadline of " + payment, e);
        }
    }

    record Due(PaymentId payment, Instant dueAt) {
    }

    List<Due> due(Instant now, int limit) {
        List<Due> due = new ArrayList<>();
        try (Connection c = transactions.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT payment_id, due_at FROM payment_deadline WHERE due_at <= ? ORDER BY due_at")) {
            select.setTimestamp(1, Timestamp.from(now));
            select.setMaxRows(limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    due.add(new Due(PaymentId.of(rs.getString(1)), rs.getTimestamp(2).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read due deadlines", e);
        }
        return due;
    }
}
