package io.walletledger.projection.transferview;

import io.walletledger.account.TransferCredited;
import io.walletledger.account.TransferDebitReversed;
import io.walletledger.account.TransferDebited;
import io.walletledger.envelope.CloudEvent;
import io.walletledger.projection.Projector;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;

/**
 * Keeps {@code transfer_view}. The debit and the credit leg are on different streams and may arrive
 * in either order; whichever comes first creates the row, and the final status never goes back to
 * PENDING. Legs are applied with the consumed offsets, so each is counted once.
 */
@Singleton
public class TransferViewProjector implements Projector {

    public static final String GROUP = "projection-service.transfer-view";

    @Override
    public String consumerGroup() {
        return GROUP;
    }

    @Override
    public void apply(Connection tx, CloudEvent event) throws SQLException {
        switch (event.data()) {
            case TransferDebited debited -> debited(tx, debited);
            case TransferCredited credited -> finished(tx, credited.transferId(), "COMPLETED", null, credited.occurredAt(),
                    credited.sourceAccountId().value(), credited.accountId().value(), credited.amount().minorUnits(),
                    credited.amount().currency().code());
            case TransferDebitReversed reversed -> finished(tx, reversed.transferId(), "REVERSED",
                    reversed.reason().name(), reversed.occurredAt(), reversed.accountId().value(), "?",
                    reversed.amount().minorUnits(), reversed.amount().currency().code());
            default -> {
                // not a transfer leg
            }
        }
    }

    private static void debited(Connection tx, TransferDebited e) throws SQLException {
        try (PreparedStatement update = tx.prepareStatement("""
                UPDATE transfer_view SET created_at = ?, description = ?, destination_account_id = ?
                WHERE transfer_id = ?""")) {
            update.setTimestamp(1, Timestamp.from(e.occurredAt()));
            update.setString(2, e.description());
            update.setString(3, e.destinationAccountId().value());
            update.setString(4, e.transferId());
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        insert(tx, e.transferId(), e.accountId().value(), e.destinationAccountId().value(), e.amount().minorUnits(),
                e.amount().currency().code(), e.description(), "PENDING", null, e.occurredAt(), null);
    }

    private static void finished(Connection tx, String transferId, String status, String reason, java.time.Instant at,
                                 String source, String destination, long amount, String currency) throws SQLException {
        try (PreparedStatement update = tx.prepareStatement(
                "UPDATE transfer_view SET status = ?, failure_reason = ?, finished_at = ? WHERE transfer_id = ?")) {
            update.setString(1, status);
            update.setString(2, reason);
            update.setTimestamp(3, Timestamp.from(at));
            update.setString(4, transferId);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        insert(tx, transferId, source, destination, amount, currency, null, status, reason, null, at);
    }

    private static void insert(Connection tx, String id, String source, String destination, long amount,
                               String currency, String description, String status, String reason,
                               java.time.Instant created, java.time.Instant finished) throws SQLException {
        try (PreparedStatement insert = tx.prepareStatement("""
                INSERT INTO transfer_view (transfer_id, source_account_id, destination_account_id, amount, currency,
                                           description, status, failure_reason, created_at, finished_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, id);
            insert.setString(2, source);
            insert.setString(3, destination);
            insert.setLong(4, amount);
            insert.setString(5, currency);
            insert.setString(6, description);
            insert.setString(7, status);
            insert.setString(8, reason);
            insert.setTimestamp(9, created == null ? null : Timestamp.from(created));
            insert.setTimestamp(10, finished == null ? null : Timestamp.from(finished));
            insert.executeUpdate();
        }
    }
}
