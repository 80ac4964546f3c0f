package io.walletledger.loadgen.baseline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Raw PostgreSQL single-row append transactions per second: pgbench with a script of one INSERT per transaction
 * into a scratch table of a scratch database (created here, dropped after), durability as the server has it.
 * Connects as the given role over TCP (the role CI creates), else as the postgres user through runuser or sudo.
 */
public final class PgbenchBaseline {

    static final String DATABASE = "loadgen_pgbench_scratch";
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final String PGBENCH = "/usr/bin/pgbench";

    private PgbenchBaseline() {
    }

    /** How to run psql and pgbench against the server: a command prefix, connection arguments, environment. */
    record Access(List<String> prefix, List<String> connection, Map<String, String> environment, String description) {
        List<String> command(String tool, String... args) {
            List<String> line = new ArrayList<>(prefix);
            line.add(tool);
            line.addAll(connection);
            line.addAll(List.of(args));
            return line;
        }
    }

    public static Baseline run(String host, int port, String user, String password, int seconds, int[] clients) {
        String name = "pgbench";
        if (!Files.isExecutable(Path.of(PGBENCH))) {
            return Baseline.skipped(name, PGBENCH + " is missing (Debian: apt-get install postgresql-client)");
        }
        Access access = access(host, port, user, password);
        if (access == null) {
            return Baseline.skipped(name, "no PostgreSQL reachable at " + host + ":" + port + " as " + user
                    + " or as the postgres user (start it: pg_ctlcluster 15 main start)");
        }
        Path script = null;
        try {
            script = Files.createTempFile("loadgen-append", ".sql",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
            Files.writeString(script, "INSERT INTO append_log (account, amount) VALUES (:client_id, 1);\n");
            psql(access, "postgres", "DROP DATABASE IF EXISTS " + DATABASE);
            psql(access, "postgres", "CREATE DATABASE " + DATABASE);
            psql(access, DATABASE, "CREATE TABLE append_log (id bigserial PRIMARY KEY, account int NOT NULL, "
                    + "amount bigint NOT NULL, created_at timestamptz NOT NULL DEFAULT now())");
            Map<String, Double> figures = new LinkedHashMap<>();
            for (int c : clients) {
                figures.put("tpsClients" + c, pgbench(access, script, c, seconds));
            }
            String durability = psql(access, DATABASE, "SELECT 'fsync=' || current_setting('fsync') || ', "
                    + "synchronous_commit=' || current_setting('synchronous_commit') || ', server ' || "
                    + "current_setting('server_version')").strip();
            return Baseline.measured(name, figures, "one INSERT of one row per transaction into a bigserial table, "
                    + seconds + " s per client count, " + durability + "; " + access.description());
        } catch (IOException | IllegalStateException e) {
            return Baseline.skipped(name, "pgbench failed: " + e.getMessage());
        } finally {
            try {
                psql(access, "postgres", "DROP DATABASE IF EXISTS " + DATABASE);
                if (script != null) {
                    Files.deleteIfExists(script);
                }
            } catch (IOException | IllegalStateException ignored) {
                // nothing more to clean up
            }
        }
    }

    private static double pgbench(Access access, Path script, int clients, int seconds) {
        Processes.Result result = Processes.run(access.command(PGBENCH, "-n", "-f", script.toString(),
                        "-c", Integer.toString(clients), "-j", Integer.toString(Math.min(clients, 2)),
                        "-T", Integer.toString(seconds), DATABASE),
                access.environment(), Duration.ofSeconds(seconds + 60L));
        Matcher tps = TPS.matcher(result.output());
        if (!result.ok() || !tps.find()) {
            throw new IllegalStateException("pgbench -c " + clients + ": " + Processes.lastLines(result.output(), 3));
        }
        return Double.parseDouble(tps.group(1));
    }

    private static String psql(Access access, String database, String sql) {
        Processes.Result result = Processes.run(access.command("psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1",
                "-d", database, "-c", sql), access.environment(), Duration.ofSeconds(60));
        if (!result.ok()) {
            throw new IllegalStateException("psql: " + Processes.lastLines(result.output(), 2));
        }
        return result.output();
    }

    private static Access access(String host, int port, String user, String password) {
        List<Access> candidates = new ArrayList<>();
        candidates.add(new Access(List.of(), List.of("-h", host, "-p", Integer.toString(port), "-U", user),
                Map.of("PGPASSWORD", password, "PGCONNECT_TIMEOUT", "5"), "as role " + user + " over TCP"));
        List<String> asPostgres = "root".equals(System.getProperty("user.name"))
                ? List.of("runuser", "-u", "postgres", "--") : List.of("sudo", "-n", "-u", "postgres");
        candidates.add(new Access(asPostgres, List.of("-p", Integer.toString(port)), Map.of("PGCONNECT_TIMEOUT", "5"),
                "as the postgres user over the local socket"));
        for (Access candidate : candidates) {
            try {
                psql(candidate, "postgres", "SELECT 1");
                return candidate;
            } catch (IllegalStateException unusable) {
                // try the next way in
            }
        }
        return null;
    }
}
