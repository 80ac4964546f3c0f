package io.walletledger.notification.delivery;

import io.walletledger.envelope.CloudEvent;
import io.walletledger.notification.endpoint.EndpointRepository;
import io.walletledger.servicekit.kafka.ConsumedRecord;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes, in the consumer's transaction, a merchant's event once (by event id, whatever Kafka redelivers)
 * and one delivery row per enabled endpoint of that merchant subscribed to the event's type.
 */
final class Outbox {

    private Outbox() {
    }

    /** @return the number of deliveries created (0 for an event already recorded) */
    static int record(Connection tx, CloudEvent event, ConsumedRecord record, String merchant, Instant firstAttempt,
                      Instant now) throws SQLException {
        if (alreadyRecorded(tx, merchant, event.id())) {
            return 0;
        }
        long seq = insertEvent(tx, event, record, merchant, now);
        List<String> endpoints = EndpointRepository.subscribers(tx, merchant, event.type());
        if (endpoints.isEmpty()) {
            return 0;
        }
        try (PreparedStatement insert = tx.prepareStatement("""
                INSERT INTO webhook_delivery (endpoint_id, event_seq, message_id, subject, status, attempts,
                  next_attempt_at, manual_retry, created_at)
                VALUES (?, ?, ?, ?, 'PENDING', 0, ?, FALSE, ?)
                """)) {
            for (String endpoint : endpoints) {
                insert.setString(1, endpoint);
                insert.setLong(2, seq);
                insert.setString(3, messageId(endpoint, event.id()));
                insert.setString(4, event.subject());
                insert.setTimestamp(5, Timestamp.from(firstAttempt));
                insert.setTimestamp(6, Timestamp.from(now));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return endpoints.size();
    }

    /** The webhook-id: the same for an event and endpoint on every attempt, unguessable from outside. */
    static String messageId(String endpointId, String eventId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((endpointId + "\n" + eventId).getBytes(StandardCharsets.UTF_8));
            return "msg_" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean alreadyRecorded(Connection tx, String merchant, String eventId) throws SQLException {
        try (PreparedStatement query = tx.prepareStatement(
                "SELECT 1 FROM merchant_event WHERE merchant_account_id = ? AND event_id = ?")) {
            query.setString(1, merchant);
            query.setString(2, eventId);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static long insertEvent(Connection tx, CloudEvent event, ConsumedRecord record, String merchant,
                                    Instant now) throws SQLException {
        try (PreparedStatement insert = tx.prepareStatement("""
                INSERT INTO merchant_event (merchant_account_id, event_id, event_type, subject, body, published_at,
                  consumed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, merchant);
            insert.setString(2, event.id());
            insert.setString(3, event.type());
            insert.setString(4, event.subject());
            insert.setString(5, new String(record.value(), StandardCharsets.UTF_8));
            insert.setTimestamp(6, Timestamp.from(record.timestamp()));
            insert.setTimestamp(7, Timestamp.from(now));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
