package io.walletledger.notification.endpoint;

import io.micronaut.http.HttpStatus;
import io.walletledger.servicekit.http.IdempotencyKey;
import io.walletledger.servicekit.http.JsonRequest;
import io.walletledger.servicekit.http.ProblemException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The optional {@code Idempotency-Key} of the endpoint POSTs, recorded in the transaction that creates
 * or rotates: the same key with the same body names the same endpoint (a replay), with another body it
 * is {@code 409 idempotency_key_reused}. Kept {@link #RETENTION}, like command-service's keys.
 */
final class IdempotencyKeys {

    static final Duration RETENTION = Duration.ofHours(24);

    private IdempotencyKeys() {
    }

    /** A validated key, or null when the request has none. */
    static String validate(String key) {
        return IdempotencyKey.optional(key);
    }

    static String hash(String operation, JsonRequest request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((operation + "\n" + request.canonical()).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The endpoint an earlier request with this key named, or empty for a new key (expired ones are forgotten). */
    static Optional<String> replayed(Connection connection, String scopeKey, String hash, Instant now) throws SQLException {
        try (PreparedStatement forget = connection.prepareStatement(
                "DELETE FROM webhook_idempotency WHERE created_at < ?")) {
            forget.setTimestamp(1, Timestamp.from(now.minus(RETENTION)));
            forget.executeUpdate();
        }
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT request_hash, endpoint_id FROM webhook_idempotency WHERE scope_key = ?")) {
            query.setString(1, scopeKey);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                if (!rs.getString(1).equals(hash)) {
                    throw new ProblemException(HttpStatus.CONFLICT, "idempotency_key_reused",
                            "this Idempotency-Key was used for a different request");
                }
                return Optional.of(rs.getString(2));
            }
        }
    }

    /** Records the key in the caller's transaction; a concurrent request with the same key makes it fail. */
    static void record(Connection tx, String scopeKey, String hash, String endpointId, Instant now) {
        try (PreparedStatement insert = tx.prepareStatement(
                "INSERT INTO webhook_idempotency (scope_key, request_hash, endpoint_id, created_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, scopeKey);
            insert.setString(2, hash);
            insert.setString(3, endpointId);
            insert.setTimestamp(4, Timestamp.from(now));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new ProblemException(HttpStatus.CONFLICT, "idempotency_key_in_use",
                    "a request with this Idempotency-Key is being processed or was just completed; retry it");
        }
    }
}
