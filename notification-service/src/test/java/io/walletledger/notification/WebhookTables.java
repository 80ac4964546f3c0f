package io.walletledger.notification;

import io.walletledger.testkit.PostgresDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of the webhook tables, read straight from the service's database: two equal snapshots around
 * a refused request show it changed nothing. The merchant and event tables are left out, since events of
 * other test classes on the shared topic keep adding to them.
 */
public final class WebhookTables implements AutoCloseable {

    private static final List<String> TABLES = List.of("webhook_endpoint", "webhook_subscription", "webhook_secret",
            "webhook_delivery", "webhook_attempt", "webhook_idempotency");

    private final Connection connection;

    public WebhookTables(PostgresDatabase database) throws SQLException {
        this.connection = database.connect();
    }

    /** Every row of every webhook table as text, sorted. */
    public List<String> snapshot() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = statement.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData columns = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder(table);
                        for (int i = 1; i <= columns.getColumnCount(); i++) {
                            row.append(' ').append(columns.getColumnName(i)).append('=').append(rs.getString(i));
                        }
                        rows.add(row.toString());
                    }
                }
            }
        }
        rows.sort(null);
        return rows;
    }

    /** No delivery waits for an attempt: from now on only a request changes these tables. */
    public boolean settled() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM webhook_delivery WHERE status = 'PENDING'")) {
            rs.next();
            return rs.getLong(1) == 0;
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
