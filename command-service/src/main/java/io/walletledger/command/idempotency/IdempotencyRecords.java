package io.walletledger.command.idempotency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** SQL of {@code idempotency_record}; every method runs on the caller's connection and transaction. */
final class IdempotencyRecords {

    record Stored(String requestHash, Outcome outcome, Instant expiresAt) {
    }

    private IdempotencyRecords() {
    }

    static void insert(Connection c, String scope, String key, String hash, Outcome outcome, Instant now,
                       Instant expires) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO idempotency_record (scope, idempotency_key, request_hash, status, response_body,
                                                created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, scope);
            insert.setString(2, key);
            insert.setString(3, hash);
            insert.setInt(4, outcome.status());
            insert.setString(5, outcome.body());
            insert.setTimestamp(6, Timestamp.from(now));
            insert.setTimestamp(7, Timestamp.from(expires));
            insert.executeUpdate();
        }
    }

    static void complete(Connection c, String scope, String key, Outcome outcome) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE idempotency_record SET status = ?, response_body = ? WHERE scope = ? AND idempotency_key = ?")) {
            update.setInt(1, outcome.status());
            update.setString(2, outcome.body());
            update.setString(3, scope);
            update.setString(4, key);
            update.executeUpdate();
        }
    }

    static Optional<Stored> find(Connection c, String scope, String key) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT request_hash, status, response_body, expires_at FROM idempotency_record
                WHERE scope = ? AND idempotency_key = ?""")) {
            select.setString(1, scope);
            select.setString(2, key);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Stored(rs.getString(1), new Outcome(rs.getInt(2), rs.getString(3)),
                        rs.getTimestamp(4).toInstant()));
            }
        }
    }

    static int deleteExpired(Connection c, Instant now) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM idempotency_record WHERE expires_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(now));
            return delete.executeUpdate();
        }
    }

    /** A unique violation, or H2's lock timeout while another transaction holds the same key. */
    static boolean isUniqueViolation(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if ("23505".equals(s.getSQLState()) || "HYT00".equals(s.getSQLState())) {
                return true;
            }
        }
        return e.getCause() instanceof SQLException cause && cause != e && isUniqueViolation(cause);
    }
}
