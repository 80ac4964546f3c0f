package io.walletledger.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A fresh, empty PostgreSQL database of its own for one test class. */
public record PostgresDatabase(String jdbcUrl, String username, String password, String origin) {

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password);
    }
}
