package io.walletledger.notification.endpoint;

import io.walletledger.servicekit.secrets.SecretBox;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Endpoint signing secrets in the Standard Webhooks form ({@code whsec_} + base64 of 32 random bytes):
 * generated here, returned once, stored only sealed by {@link SecretBox}. A rotation adds a secret and
 * lets the previous one keep signing until its expiry, so receivers can switch without losing a message.
 */
@Singleton
public class SigningSecrets {

    public static final String PREFIX = "whsec_";
    private static final int KEY_BYTES = 32;

    private final SecretBox box;
    private final SecureRandom random = new SecureRandom();

    public SigningSecrets(SecretBox box) {
        this.box = box;
    }

    /** Creates the endpoint's next secret; returns it in clear text, for the response only. */
    String add(Connection tx, String endpointId, Instant now) throws SQLException {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        String secret = PREFIX + Base64.getEncoder().encodeToString(key);
        SecretBox.Sealed sealed = box.seal(secret.getBytes(StandardCharsets.UTF_8));
        try (PreparedStatement insert = tx.prepareStatement("""
                INSERT INTO webhook_secret (endpoint_id, secret_no, key_id, sealed, created_at, expires_at)
                VALUES (?, (SELECT COALESCE(MAX(secret_no), 0) + 1 FROM webhook_secret WHERE endpoint_id = ?), ?, ?, ?, NULL)
                """)) {
            insert.setString(1, endpointId);
            insert.setString(2, endpointId);
            insert.setString(3, sealed.keyId());
            insert.setString(4, sealed.ciphertext());
            insert.setTimestamp(5, Timestamp.from(now));
            insert.executeUpdate();
        }
        return secret;
    }

    /** Ends the current secrets at {@code until} (never later than they already end) and forgets expired ones. */
    void expireCurrent(Connection tx, String endpointId, Instant now, Instant until) throws SQLException {
        try (PreparedStatement delete = tx.prepareStatement(
                "DELETE FROM webhook_secret WHERE endpoint_id = ? AND expires_at <= ?")) {
            delete.setString(1, endpointId);
            delete.setTimestamp(2, Timestamp.from(now));
            delete.executeUpdate();
        }
        try (PreparedStatement update = tx.prepareStatement("""
                UPDATE webhook_secret SET expires_at = ?
                WHERE endpoint_id = ? AND (expires_at IS NULL OR expires_at > ?)
                """)) {
            update.setTimestamp(1, Timestamp.from(until));
            update.setString(2, endpointId);
            update.setTimestamp(3, Timestamp.from(until));
            update.executeUpdate();
        }
    }

    /** The keys that sign a message now, newest first (raw bytes, as Standard Webhooks HMACs with). */
    public List<byte[]> signingKeys(Connection connection, String endpointId, Instant now) throws SQLException {
        List<byte[]> keys = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT key_id, sealed FROM webhook_secret
                WHERE endpoint_id = ? AND (expires_at IS NULL OR expires_at > ?)
                ORDER BY secret_no DESC
                """)) {
            query.setString(1, endpointId);
            query.setTimestamp(2, Timestamp.from(now));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    String secret = new String(box.open(new SecretBox.Sealed(rs.getString(1), rs.getString(2))),
                            StandardCharsets.UTF_8);
                    keys.add(Base64.getDecoder().decode(secret.substring(PREFIX.length())));
                }
            }
        }
        return keys;
    }
}
