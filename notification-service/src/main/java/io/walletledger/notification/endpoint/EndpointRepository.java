package io.walletledger.notification.endpoint;

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

/** The {@code webhook_endpoint} and {@code webhook_subscription} tables. */
@Singleton
public class EndpointRepository {

    private static final String COLUMNS = "id, merchant_account_id, url, description, enabled, disabled_reason, "
            + "disabled_at, failing_since, created_at, updated_at";

    private final DataSource dataSource;

    EndpointRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    void insert(Connection tx, String id, String merchant, String url, List<String> types, String description,
                Instant now) throws SQLException {
        try (PreparedStatement insert = tx.prepareStatement("""
                INSERT INTO webhook_endpoint (id, merchant_account_id, url, description, enabled, created_at, updated_at)
                VALUES (?, ?, ?, ?, TRUE, ?, ?)
                """)) {
            insert.setString(1, id);
            insert.setString(2, merchant);
            insert.setString(3, url);
            insert.setString(4, description);
            insert.setTimestamp(5, Timestamp.from(now));
            insert.setTimestamp(6, Timestamp.from(now));
            insert.executeUpdate();
        }
        replaceTypes(tx, id, types);
    }

    void replaceTypes(Connection tx, String id, List<String> types) throws SQLException {
        try (PreparedStatement delete = tx.prepareStatement("DELETE FROM webhook_subscription WHERE endpoint_id = ?")) {
            delete.setString(1, id);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = tx.prepareStatement(
                "INSERT INTO webhook_subscription (endpoint_id, event_type) VALUES (?, ?)")) {
            for (String type : types) {
                insert.setString(1, id);
                insert.setString(2, type);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    void update(Connection tx, String id, String url, String description, Boolean enabled, Instant now)
            throws SQLException {
        try (PreparedStatement update = tx.prepareStatement("""
                UPDATE webhook_endpoint SET url = COALESCE(?, url), description = COALESCE(?, description),
                  enabled = COALESCE(?, enabled),
                  disabled_reason = CASE WHEN ? THEN NULL ELSE disabled_reason END,
                  disabled_at = CASE WHEN ? THEN NULL ELSE disabled_at END,
                  failing_since = CASE WHEN ? THEN NULL ELSE failing_since END,
                  updated_at = ?
                WHERE id = ?
                """)) {
            boolean reenabled = Boolean.TRUE.equals(enabled);
            update.setString(1, url);
            update.setString(2, description);
            update.setObject(3, enabled);
            update.setBoolean(4, reenabled);
            update.setBoolean(5, reenabled);
            update.setBoolean(6, reenabled);
            update.setTimestamp(7, Timestamp.from(now));
            update.setString(8, id);
            update.executeUpdate();
        }
    }

    boolean delete(String id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM webhook_endpoint WHERE id = ?")) {
            delete.setString(1, id);
            return delete.executeUpdate() == 1;
        }
    }

    int countForMerchant(Connection connection, String merchant) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT COUNT(*) FROM webhook_endpoint WHERE merchant_account_id = ?")) {
            query.setString(1, merchant);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    Optional<WebhookEndpoint> find(Connection connection, String id) throws SQLException {
        List<WebhookEndpoint> found = select(connection, "WHERE id = ?", id);
        return found.stream().findFirst();
    }

    public Optional<WebhookEndpoint> find(String id) {
        try (Connection connection = dataSource.getConnection()) {
            return find(connection, id);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read webhook endpoint", e);
        }
    }

    List<WebhookEndpoint> list(String merchant) {
        try (Connection connection = dataSource.getConnection()) {
            return merchant == null ? select(connection, "ORDER BY created_at, id")
                    : select(connection, "WHERE merchant_account_id = ? ORDER BY created_at, id", merchant);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read webhook endpoints", e);
        }
    }

    private List<WebhookEndpoint> select(Connection connection, String where, String... parameters) throws SQLException {
        List<WebhookEndpoint> endpoints = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM webhook_endpoint "
                + where)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString("id");
                    endpoints.add(new WebhookEndpoint(id, rs.getString("merchant_account_id"), rs.getString("url"),
                            types(connection, id), rs.getString("description"), rs.getBoolean("enabled"),
                            rs.getString("disabled_reason"), instant(rs.getTimestamp("disabled_at")),
                            instant(rs.getTimestamp("failing_since")), instant(rs.getTimestamp("created_at")),
                            instant(rs.getTimestamp("updated_at")), null, null));
                }
            }
        }
        return endpoints;
    }

    private static List<String> types(Connection connection, String id) throws SQLException {
        List<String> types = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT event_type FROM webhook_subscription WHERE endpoint_id = ? ORDER BY event_type")) {
            query.setString(1, id);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    types.add(rs.getString(1));
                }
            }
        }
        return types;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** A 2xx from the endpoint: it is healthy again. */
    public static void recordSuccess(Connection tx, String id) throws SQLException {
        try (PreparedStatement update = tx.prepareStatement(
                "UPDATE webhook_endpoint SET failing_since = NULL WHERE id = ? AND failing_since IS NOT NULL")) {
            update.setString(1, id);
            update.executeUpdate();
        }
    }

    /**
     * A failed attempt: the endpoint has been failing since its first failure after a success, and is
     * disabled (with the reason shown to its owner) once that is {@code disableAfter} ago.
     *
     * @return true if this failure disabled the endpoint
     */
    public static boolean recordFailure(Connection tx, String id, Instant now, java.time.Duration disableAfter,
                                        String error) throws SQLException {
        try (PreparedStatement update = tx.prepareStatement(
                "UPDATE webhook_endpoint SET failing_since = ? WHERE id = ? AND failing_since IS NULL")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setString(2, id);
            update.executeUpdate();
        }
        try (PreparedStatement disable = tx.prepareStatement("""
                UPDATE webhook_endpoint SET enabled = FALSE, disabled_at = ?, updated_at = ?,
                  disabled_reason = ?
                WHERE id = ? AND enabled = TRUE AND failing_since <= ?
                """)) {
            disable.setTimestamp(1, Timestamp.from(now));
            disable.setTimestamp(2, Timestamp.from(now));
            disable.setString(3, truncate("every delivery attempt failed for longer than " + disableAfter
                    + " (ISO-8601); last error: " + error, 1000));
            disable.setString(4, id);
            disable.setTimestamp(5, Timestamp.from(now.minus(disableAfter)));
            return disable.executeUpdate() == 1;
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    /** Enabled endpoints of a merchant that chose an event type: who gets an outbox row. */
    public static List<String> subscribers(Connection tx, String merchant, String eventType) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement query = tx.prepareStatement("""
                SELECT e.id FROM webhook_endpoint e JOIN webhook_subscription s ON s.endpoint_id = e.id
                WHERE e.merchant_account_id = ? AND s.event_type = ? AND e.enabled = TRUE ORDER BY e.id
                """)) {
            query.setString(1, merchant);
            query.setString(2, eventType);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }
}
