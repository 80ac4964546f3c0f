package io.walletledger.projection.statement;

import io.walletledger.projection.accountview.Posting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

/** Appends statement lines, in the account view's transaction (the balance after is the view's). */
public final class StatementLines {

    /** One line: the posting, its number in the account's statement and the account's amounts after it. */
    public record Line(String eventId, Posting posting, long lineNo, long balanceAfter, long heldAfter) {
    }

    private StatementLines() {
    }

    /** Appends the lines as one JDBC batch. */
    public static void appendAll(Connection tx, List<Line> lines) throws SQLException {
        if (lines.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = tx.prepareStatement("""
                INSERT INTO account_posting (account_id, line_no, event_id, type, amount, held_change, balance_after,
                                             held_after, currency, counterparty_id, payment_id, transfer_id,
                                             reference, occurred_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (Line line : lines) {
                Posting posting = line.posting();
                insert.setString(1, posting.accountId().value());
                insert.setLong(2, line.lineNo());
                insert.setString(3, line.eventId());
                insert.setString(4, posting.type().name());
                insert.setLong(5, posting.amount().minorUnits());
                insert.setLong(6, posting.heldChange());
                insert.setLong(7, line.balanceAfter());
                insert.setLong(8, line.heldAfter());
                insert.setString(9, posting.amount().currency().code());
                insert.setString(10, posting.counterpartyId() == null ? null : posting.counterpartyId().value());
                insert.setString(11, posting.paymentId());
                insert.setString(12, posting.transferId());
                insert.setString(13, posting.reference());
                insert.setTimestamp(14, Timestamp.from(posting.occurredAt()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
