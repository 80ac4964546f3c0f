package io.walletledger.projection.changefeed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Marks a view as changed, in the projector's transaction, so the {@link ChangeFeedPublisher}
 * publishes its new state to the view's compacted topic (a transactional outbox of keys: a change
 * is never lost by a crash between the database commit and the Kafka send).
 */
public final class ViewChanges {

    private ViewChanges() {
    }

    public static void mark(Connection tx, String view, String key) throws SQLException {
        try (PreparedStatement update = tx.prepareStatement(
                "UPDATE view_change SET revision = revision + 1 WHERE view_name = ? AND view_key = ?")) {
            update.setString(1, view);
            update.setString(2, key);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = tx.prepareStatement(
                "INSERT INTO view_change (view_name, view_key, revision) VALUES (?, ?, 1)")) {
            insert.setString(1, view);
            insert.setString(2, key);
            insert.executeUpdate();
        }
    }
}
