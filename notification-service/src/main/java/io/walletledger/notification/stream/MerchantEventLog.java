package io.walletledger.notification.stream;

import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads a merchant's recorded events in order of {@code seq}, the live stream's event id. */
@Singleton
class MerchantEventLog {

    record Entry(long seq, String type, String body) {
    }

    private final DataSource dataSource;

    MerchantEventLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The position a new subscriber without Last-Event-ID starts after: everything so far is history. */
    long latest() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM merchant_event");
             ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    List<Entry> after(String merchant, long seq, int limit) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT seq, event_type, body FROM merchant_event
                     WHERE merchant_account_id = ? AND seq > ? ORDER BY seq LIMIT ?
                     """)) {
            query.setString(1, merchant);
            query.setLong(2, seq);
            query.setInt(3, limit);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    entries.add(new Entry(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return entries;
    }
}
