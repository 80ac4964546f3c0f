package io.walletledger.testkit;

import org.testcontainers.postgresql.PostgreSQLContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Resolves the PostgreSQL server for a test run: {@code LEDGER_TEST_PG_URL} (an admin JDBC URL)
 * with {@code LEDGER_TEST_PG_USER}/{@code LEDGER_TEST_PG_PASSWORD} first, then Testcontainers when a
 * Docker engine is present, else the local server that {@code .ci/run} starts
 * ({@code jdbc:postgresql://127.0.0.1:5432/postgres}, user and password {@code ledger}).
 * Each test class gets a fresh database on that server.
 */
final class PostgresProvider implements AutoCloseable {

    static final String ENV_URL = "LEDGER_TEST_PG_URL";
    private static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final String IMAGE = "postgres:17-alpine";

    private final String adminUrl;
    private final String user;
    private final String password;
    private final String origin;
    private final AutoCloseable owned;

    private PostgresProvider(String adminUrl, String user, String password, String origin, AutoCloseable owned) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.origin = origin;
        this.owned = owned;
    }

    static PostgresProvider resolve() {
        String url = System.getenv(ENV_URL);
        if (url != null && !url.isBlank()) {
            return checked(new PostgresProvider(url.trim(), env("LEDGER_TEST_PG_USER", "ledger"),
                    env("LEDGER_TEST_PG_PASSWORD", "ledger"), "environment " + ENV_URL, () -> { }));
        }
        if (Docker.usable()) {
            PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
            container.start();
            return checked(new PostgresProvider(container.getJdbcUrl(), container.getUsername(),
                    container.getPassword(), "testcontainers " + IMAGE, container::stop));
        }
        return checked(new PostgresProvider(LOCAL_URL, "ledger", "ledger", "local server " + LOCAL_URL, () -> { }));
    }

    private static PostgresProvider checked(PostgresProvider provider) {
        try (Connection ignored = provider.admin()) {
            return provider;
        } catch (SQLException e) {
            throw new ServiceUnavailable("no PostgreSQL for the tests at " + provider.adminUrl + " (" + provider.origin
                    + "): start it (.ci/run does: pg_ctlcluster <version> main start, role ledger/ledger) or set "
                    + ENV_URL, e);
        }
    }

    private Connection admin() throws SQLException {
        return DriverManager.getConnection(adminUrl, user, password);
    }

    PostgresDatabase newDatabase(String hint) {
        String name = ("t_" + hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_")).substring(0,
                Math.min(40, hint.length() + 2)) + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new ServiceUnavailable("cannot create test database " + name, e);
        }
        String url = adminUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
        return new PostgresDatabase(url, user, password, origin);
    }

    void drop(PostgresDatabase database) {
        String name = database.jdbcUrl().replaceFirst(".*/([^/?]+).*", "$1");
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            // a leftover test database is harmless; the server is thrown away with the machine
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public void close() throws Exception {
        owned.close();
    }
}
