package io.walletledger.e2e.faults;

import io.walletledger.testkit.PostgresDatabase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the campaign's own, so that it can be stopped and started under load
 * without touching the machine's cluster: {@code initdb} into a fresh directory, {@code pg_ctl}
 * on a free port (Debian's server binaries, as installed by the machine's PostgreSQL package). As
 * root the server runs as the {@code postgres} user, which PostgreSQL requires. Full durability:
 * fsync and synchronous commit stay on; a stop is {@code -m immediate}, a crash as far as the
 * database is concerned (recovery from the WAL at the next start).
 */
final class PrivatePostgres implements AutoCloseable {

    private static final String USER = "ledger";

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgres;

    private PrivatePostgres(Path bin, Path dir, int port, boolean asPostgres) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    static PrivatePostgres create(Path dir, int port) throws IOException, InterruptedException {
        Path bin = serverBinaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        if (Files.exists(dir.resolve("data").resolve("postmaster.pid"))) {
            // left running by a campaign that was killed: stop it before its files go (if it still runs)
            try {
                new PrivatePostgres(bin, dir, port, root).crash();
            } catch (IllegalStateException notRunning) {
                // a pid file without a server: nothing to stop
            }
        }
        FaultCampaign.deleteRecursively(dir);
        Files.createDirectories(dir);
        PrivatePostgres server = new PrivatePostgres(bin, dir, port, root);
        if (root) {
            server.run(List.of("chown", "-R", "postgres:postgres", dir.toString()), false);
        }
        server.run(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", USER,
                "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"), true);
        return server;
    }

    private static Path serverBinaries() throws IOException {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString())))
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL server binaries under /usr/lib/postgresql"));
        }
    }

    void start() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                dir.resolve("server.log").toString(), "-w", "-t", "120", "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c max_connections=300", "start"), true);
    }

    /** A crash as the database sees it: no checkpoint, recovery from the WAL at the next start. */
    void crash() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                "-w", "stop"), true);
    }

    PostgresDatabase createDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, USER);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return new PostgresDatabase(url(name), USER, USER, "the fault campaign's own PostgreSQL in " + dir);
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private void run(List<String> command, boolean asServerUser) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asServerUser && asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("pg_ctl.log").toFile())).start();
        if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed; see " + dir.resolve("pg_ctl.log")
                    + ":\n" + Files.readString(dir.resolve("pg_ctl.log")));
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (Files.exists(dir.resolve("data").resolve("postmaster.pid"))) {
            crash();
        }
    }
}
