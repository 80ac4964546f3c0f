package io.walletledger.servicekit.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * A query for many keys at once ({@code … IN (?, ?, …)}), in chunks, so that a consumer batch reads what
 * it needs in a few round trips instead of one per key, and the bind parameters stay far below every
 * driver's limit. Works on PostgreSQL and H2 alike (no array parameters).
 */
public final class KeysQuery {

    /** Keys per query. */
    public static final int CHUNK = 500;

    /** Handles one row of the result. */
    @FunctionalInterface
    public interface Row {
        void read(ResultSet row) throws SQLException;
    }

    private KeysQuery() {
    }

    /**
     * Runs {@code head IN (?, ?, …) tail} for every chunk of {@code keys}, with {@code leading} bound to the
     * parameters of {@code head} first, and hands each row to {@code row}.
     */
    public static void run(Connection tx, String head, String tail, List<String> leading, List<String> keys, Row row)
            throws SQLException {
        run(tx, head, tail, leading, keys, row, false);
    }

    /**
     * Runs {@code head IN ((?, ?), (?, ?), …) tail}, each row of the list the {@code leading} values and one
     * key, for a composite key whose first columns are fixed ({@code (group, key) IN (…)}). H2 looks such
     * rows up in the composite index, while {@code group = ? AND key IN (…)} makes it scan the whole group;
     * PostgreSQL does better with the latter (one index condition, not one per row).
     */
    public static void runRows(Connection tx, String head, String tail, List<String> leading, List<String> keys,
                               Row row) throws SQLException {
        run(tx, head, tail, leading, keys, row, true);
    }

    private static void run(Connection tx, String head, String tail, List<String> leading, List<String> keys, Row row,
                            boolean rows) throws SQLException {
        String element = rows ? "(" + "?, ".repeat(leading.size()) + "?)" : "?";
        for (int from = 0; from < keys.size(); from += CHUNK) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
            try (PreparedStatement select = tx.prepareStatement(head + " IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), element)) + ")" + tail)) {
                int i = 1;
                if (!rows) {
                    for (String value : leading) {
                        select.setString(i++, value);
                    }
                }
                for (String key : chunk) {
                    if (rows) {
                        for (String value : leading) {
                            select.setString(i++, value);
                        }
                    }
                    select.setString(i++, key);
                }
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        row.read(rs);
                    }
                }
            }
        }
    }

    /** Whether the connection is to H2 (whose planner wants {@link #runRows} for composite keys). */
    public static boolean isH2(Connection tx) throws SQLException {
        return "H2".equals(tx.getMetaData().getDatabaseProductName());
    }
}
