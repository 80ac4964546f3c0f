package io.walletledger.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A fresh, empty PostgreSQL database of its own for one test class. */
public record PostgresDatabase(String jdbcUrl, String username, String password, String origin) {

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password);
    }

    /** Another fresh database on the same server, e.g. one per service in an end-to-end test. */
    public PostgresDatabase sibling(String suffix) throws SQLException {
        String name = databaseName() + "_" + suffix.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "_");
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return new PostgresDatabase(jdbcUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1"), username, password, origin);
    }

    public String databaseName() {
        return jdbcUrl.replaceFirst(".*/([^/?]+).*", "$1");
    }
}
