package io.walletledger.projection.rebuild;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fresh tables a rebuild fills: a schema of their own, created by the service's own Flyway
 * migrations (so they are exactly the live tables), copied over the live tables in one
 * transaction at the switch, then dropped.
 */
final class RebuildSchema {

    private static final String NAME = "projection_rebuild";

    private final DataSource dataSource;
    private final String name;
    private final String liveSchema;

    RebuildSchema(DataSource dataSource) throws SQLException {
        this.dataSource = dataSource;
        try (Connection c = dataSource.getConnection()) {
            this.name = c.getMetaData().storesUpperCaseIdentifiers() ? NAME.toUpperCase(Locale.ROOT) : NAME;
            this.liveSchema = c.getSchema();
        }
    }

    String name() {
        return name;
    }

    void create() throws SQLException {
        drop();
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(name)
                .defaultSchema(name)
                .createSchemas(true)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    /** Replaces every live table's rows by the rebuilt ones, atomically: readers see the old or the new state. */
    void switchOver() throws SQLException {
        try (Connection tx = dataSource.getConnection()) {
            List<String> tables = tables(tx);
            tx.setAutoCommit(false);
            try (Statement statement = tx.createStatement()) {
                for (String table : tables) {
                    statement.executeUpdate("DELETE FROM " + liveSchema + "." + table);
                    statement.executeUpdate("INSERT INTO " + liveSchema + "." + table + " SELECT * FROM " + name + "." + table);
                }
                tx.commit();
            } catch (SQLException | RuntimeException e) {
                tx.rollback();
                throw e;
            } finally {
                tx.setAutoCommit(true);
            }
        }
    }

    void drop() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement statement = c.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }

    private List<String> tables(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, name, "%", new String[]{"TABLE"})) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME");
                if (!table.toLowerCase(Locale.ROOT).startsWith("flyway_schema_history")) {
                    tables.add(table);
                }
            }
        }
        if (tables.isEmpty()) {
            throw new SQLException("the rebuild schema " + name + " has no tables");
        }
        return tables;
    }
}
