package io.walletledger.loadgen;

import io.walletledger.loadgen.workload.RunSpec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The command line of the load generator; every option has the local stack's default. */
public record Options(
        String commandUrl, String projectionUrl, String notificationUrl, String bootstrapServers, String adminKey,
        int customers, int merchants, List<RunSpec> runs, Duration duration, Duration warmup, int concurrency,
        int[] mix, boolean manualCapture, int serviceKeys, double lagSample, int maxInFlight, String issuer,
        Set<String> baselines, int kafkaPerfRecords, int kafkaPerfRecordSize, int pgbenchSeconds, int[] pgbenchClients,
        String pgHost, int pgPort, String pgUser, String pgPassword, Path out, Path chart, Path jfrDirectory,
        String jfrRun, Duration drain) {

    public static final String LOCAL_ADMIN_KEY = "wl_test_local_admin_key_not_for_production_use";

    static final String USAGE = """
            usage: benchmark.sh [options]          (java -jar deploy/loadgen/target/ledger-loadgen-<version>.jar)
              stack (already started):
                --command-url URL          http://127.0.0.1:8081
                --projection-url URL       http://127.0.0.1:8082
                --notification-url URL     http://127.0.0.1:8083
                --bootstrap-servers HOSTS  127.0.0.1:9092
                --admin-key KEY            $LEDGER_ADMIN_KEY, else the local admin key
              set-up:
                --customers N              10000 CUSTOMER accounts, each with a deposit
                --merchants N              100 MERCHANT accounts
                --service-keys N           8 SERVICE keys minted, used in turn (each key is rate limited)
              load:
                --scenario NAME            uniform | hot-merchant | hot-payer | kafka-intake   (uniform)
                --rate N                   open loop: N payments/s offered (transfers and refunds on top, see --mix)
                --closed-loop              closed loop instead: --concurrency operations in flight, as fast as they go
                --concurrency N            64 (closed loop)
                --plan LIST                several runs on one set-up: scenario:rate or scenario:closed, comma-separated,
                                           e.g. uniform:100,uniform:200,uniform:closed,hot-payer:closed
                --duration D               30s measured per run (s, ms, m)
                --warmup D                 5s of load before the measured part of each run
                --drain D                  15s at most, after each run, for the last lag probes and webhooks
                --mix P/T/R                80/15/5: payments / transfers / refunds in the uniform and kafka-intake runs
                --capture automatic|manual automatic (manual adds a capture command to each payment)
                --lag-sample F             0.01 of the accepted commands get their projection lag measured
                --max-in-flight N          2000 open-loop operations in flight at most
                --issuer NAME              local-upstream (the Kafka intake's issuer)
              machine limits (run after the load; a missing prerequisite skips one with a note):
                --baselines LIST           kafka,pgbench | none
                --kafka-perf-records N     1000000 records of --kafka-perf-record-size 256 bytes, acks=all
                --pgbench-seconds N        10 per client count
                --pgbench-clients LIST     1,16
                --pg-host H --pg-port P --pg-user U --pg-password W   127.0.0.1 5432 ledger ledger
              output:
                --out FILE                 results JSON (loadgen-results.json)
                --chart FILE               also write an SVG chart of the runs
                --jfr DIR                  record command-service with JFR during each measured run (needs jcmd)
                --jfr-run LABEL            only during this run, e.g. uniform@closed-64
            """;

    public static Options parse(String... args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + name + "'\n" + USAGE);
            }
            if (name.equals("--closed-loop") || name.equals("--help")) {
                given.put(name, "true");
            } else if (i + 1 < args.length) {
                given.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
            }
        }
        if (given.containsKey("--help")) {
            throw new IllegalArgumentException(USAGE);
        }
        Args a = new Args(given);
        String adminKey = a.text("--admin-key", System.getenv().getOrDefault("LEDGER_ADMIN_KEY", LOCAL_ADMIN_KEY));
        Options options = new Options(
                a.text("--command-url", "http://127.0.0.1:8081"), a.text("--projection-url", "http://127.0.0.1:8082"),
                a.text("--notification-url", "http://127.0.0.1:8083"), a.text("--bootstrap-servers", "127.0.0.1:9092"),
                adminKey, a.integer("--customers", 10_000), a.integer("--merchants", 100), runs(a),
                duration(a.text("--duration", "30s")), duration(a.text("--warmup", "5s")), a.integer("--concurrency", 64),
                ints(a.text("--mix", "80/15/5"), "/"), a.text("--capture", "automatic").equalsIgnoreCase("manual"),
                a.integer("--service-keys", 8), Double.parseDouble(a.text("--lag-sample", "0.01")),
                a.integer("--max-in-flight", 2000), a.text("--issuer", "local-upstream"),
                Set.copyOf(List.of(a.text("--baselines", "kafka,pgbench").split(","))),
                a.integer("--kafka-perf-records", 1_000_000), a.integer("--kafka-perf-record-size", 256),
                a.integer("--pgbench-seconds", 10), ints(a.text("--pgbench-clients", "1,16"), ","),
                a.text("--pg-host", "127.0.0.1"), a.integer("--pg-port", 5432), a.text("--pg-user", "ledger"),
                a.text("--pg-password", "ledger"), Path.of(a.text("--out", "loadgen-results.json")),
                a.path("--chart"), a.path("--jfr"), a.text("--jfr-run", null), duration(a.text("--drain", "15s")));
        a.rejectUnknown();
        if (options.mix.length != 3 || options.mix[0] <= 0) {
            throw new IllegalArgumentException("--mix needs three shares with payments first, e.g. 80/15/5");
        }
        if (options.customers < 2 || options.merchants < 1 || options.serviceKeys < 1) {
            throw new IllegalArgumentException("--customers ≥ 2, --merchants ≥ 1 and --service-keys ≥ 1 are needed");
        }
        return options;
    }

    private static List<RunSpec> runs(Args a) {
        String plan = a.text("--plan", null);
        boolean closed = Boolean.parseBoolean(a.text("--closed-loop", "false"));
        String scenario = a.text("--scenario", "uniform");
        String rate = a.text("--rate", null);
        String concurrency = a.text("--concurrency", "64");
        if (plan != null) {
            List<RunSpec> runs = new ArrayList<>();
            for (String spec : plan.split(",")) {
                runs.add(RunSpec.parse(spec.trim(), Integer.parseInt(concurrency)));
            }
            return runs;
        }
        if (!closed && rate == null) {
            throw new IllegalArgumentException("give --rate N (open loop), --closed-loop or --plan\n" + USAGE);
        }
        return List.of(RunSpec.parse(scenario + ":" + (closed ? "closed" : rate), Integer.parseInt(concurrency)));
    }

    static Duration duration(String text) {
        String t = text.trim().toLowerCase();
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        return Duration.ofMillis(Math.round(Double.parseDouble(t.endsWith("s") ? t.substring(0, t.length() - 1) : t) * 1000));
    }

    private static int[] ints(String text, String separator) {
        return java.util.Arrays.stream(text.split(separator)).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
    }

    /** The options given, each read once; any left over is a typo. */
    private static final class Args {
        private final Map<String, String> given;
        private final Set<String> read = new java.util.HashSet<>();

        Args(Map<String, String> given) {
            this.given = given;
        }

        String text(String name, String fallback) {
            read.add(name);
            String value = given.get(name);
            return value == null ? fallback : value;
        }

        int integer(String name, int fallback) {
            String value = text(name, null);
            return value == null ? fallback : Integer.parseInt(value.replace("_", ""));
        }

        Path path(String name) {
            String value = text(name, null);
            return value == null ? null : Path.of(value);
        }

        void rejectUnknown() {
            List<String> unknown = given.keySet().stream().filter(name -> !read.contains(name)).toList();
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("unknown option(s) " + unknown + "\n" + USAGE);
            }
        }
    }
}
