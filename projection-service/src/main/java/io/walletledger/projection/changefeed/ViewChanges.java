package io.walletledger.projection.changefeed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Marks a view as changed, in the projector's transaction, so the {@link ChangeFeedPublisher}
 * publishes its new state to the view's compacted topic (a transactional outbox of keys: a change
 * is never lost by a crash between the database commit and the Kafka send).
 */
public final class ViewChanges {

    private ViewChanges() {
    }

    public static void mark(Connection tx, String view, String key) throws SQLException {
        markAll(tx, view, List.of(key));
    }

    /** Marks every key (each once), as two JDBC batches: the revisions of known keys, then the new keys. */
    public static void markAll(Connection tx, String view, Collection<String> keys) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        List<String> ordered = new ArrayList<>(new TreeSet<>(keys)); // one lock order for every instance
        List<String> unknown = new ArrayList<>();
        try (PreparedStatement update = tx.prepareStatement(
                "UPDATE view_change SET revision = revision + 1 WHERE view_name = ? AND view_key = ?")) {
            for (String key : ordered) {
                update.setString(1, view);
                update.setString(2, key);
                update.addBatch();
            }
            int[] counts = update.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    unknown.add(ordered.get(i));
                } else if (counts[i] == Statement.SUCCESS_NO_INFO) {
                    throw new SQLException("the driver did not report which view_change rows exist");
                }
            }
        }
        if (unknown.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = tx.prepareStatement(
                "INSERT INTO view_change (view_name, view_key, revision) VALUES (?, ?, 1)")) {
            for (String key : unknown) {
                insert.setString(1, view);
                insert.setString(2, key);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
