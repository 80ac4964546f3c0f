package io.walletledger.loadgen;

import io.walletledger.loadgen.baseline.Baseline;
import io.walletledger.loadgen.baseline.KafkaProducerBaseline;
import io.walletledger.loadgen.baseline.PgbenchBaseline;
import io.walletledger.loadgen.command.ApiKeys;
import io.walletledger.loadgen.command.LedgerHttp;
import io.walletledger.loadgen.observe.EventOffsets;
import io.walletledger.loadgen.observe.ProjectionLagProbe;
import io.walletledger.loadgen.observe.StackProcesses;
import io.walletledger.loadgen.observe.WebhookSink;
import io.walletledger.loadgen.report.Machine;
import io.walletledger.loadgen.report.Report;
import io.walletledger.loadgen.report.RunResult;
import io.walletledger.loadgen.setup.Population;
import io.walletledger.loadgen.setup.PopulationBuilder;
import io.walletledger.loadgen.workload.LoadDriver;
import io.walletledger.loadgen.workload.RunSpec;
import io.walletledger.loadgen.workload.Workload;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One benchmark: set-up, each run of the plan, then the machine's limits. */
final class Benchmark {

    private final Options options;
    private final PrintStream out;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);

    Benchmark(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    Report run() throws Exception {
        Instant date = Instant.now();
        Machine machine = Machine.current();
        out.printf("machine: %d cpus, %d MiB, %s; generator on %s%n", machine.cpus(), machine.memoryMiB(),
                machine.cpuModel(), machine.jdk());
        StackProcesses processes = StackProcesses.discover(ports(), localDatabasePort());
        out.println("processes: " + processes.members());
        List<String> notes = new ArrayList<>(processes.notes());
        notes.forEach(n -> out.println("note: " + n));
        List<RunResult> results = new ArrayList<>();
        Map<String, Object> setup = new LinkedHashMap<>();
        try (LedgerHttp http = new LedgerHttp(); WebhookSink webhooks = new WebhookSink();
             EventOffsets events = new EventOffsets(options.bootstrapServers())) {
            PopulationBuilder builder = new PopulationBuilder(http, options.commandUrl(), options.adminKey(), out);
            long started = System.nanoTime();
            ApiKeys keys = builder.mintServiceKeys(options.serviceKeys(), runId);
            PopulationBuilder.Opened opened = builder.openAccounts(keys, options.customers(), options.merchants(), runId);
            String merchantKey = builder.mintMerchantKey(opened.merchants().getFirst(), runId);
            String endpoint = webhooks.register(http, options.notificationUrl(), merchantKey, opened.merchants().getFirst());
            awaitKeysOnProjections(http, keys, opened.customers().getFirst());
            setup.put("customers", options.customers());
            setup.put("merchants", options.merchants());
            setup.put("serviceKeys", options.serviceKeys());
            setup.put("seconds", (System.nanoTime() - started) / 1e9);
            out.printf("setup: done in %.1f s; webhook endpoint %s -> %s%n", (Double) setup.get("seconds"), endpoint,
                    webhooks.url());
            Population population = new Population(opened.customers(), opened.merchants(), opened.hotPayer(), keys,
                    endpoint);
            try (ProjectionLagProbe lag = new ProjectionLagProbe(http, options.projectionUrl(), keys, options.lagSample())) {
                Workload workload = new Workload(population, options.mix(), options.manualCapture(), lag);
                RunExecutor executor = new RunExecutor(options, out, http, keys, webhooks, lag, events, processes,
                        new LoadDriver(workload, options.maxInFlight()), notes);
                for (RunSpec spec : options.runs()) {
                    results.add(executor.run(spec));
                }
            } finally {
                http.delete(options.notificationUrl() + "/v1/webhook-endpoints/" + endpoint, "Bearer " + merchantKey);
            }
        }
        return new Report(date, machine, stack(), setup, results, baselines(), notes);
    }

    private List<Baseline> baselines() {
        List<Baseline> baselines = new ArrayList<>();
        if (options.baselines().contains("kafka")) {
            out.printf("baseline: ProducerPerformance, %d records of %d bytes, acks=all ...%n",
                    options.kafkaPerfRecords(), options.kafkaPerfRecordSize());
            baselines.add(KafkaProducerBaseline.run(options.bootstrapServers(), options.kafkaPerfRecords(),
                    options.kafkaPerfRecordSize()));
        }
        if (options.baselines().contains("pgbench")) {
            out.printf("baseline: pgbench, single-row appends, %d s per client count %s ...%n",
                    options.pgbenchSeconds(), java.util.Arrays.toString(options.pgbenchClients()));
            baselines.add(PgbenchBaseline.run(options.pgHost(), options.pgPort(), options.pgUser(),
                    options.pgPassword(), options.pgbenchSeconds(), options.pgbenchClients()));
        }
        return baselines;
    }

    /** A new SERVICE key reaches projection-service through Kafka within about a second. */
    private void awaitKeysOnProjections(LedgerHttp http, ApiKeys keys, String account) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (String key : keys.all()) {
            int status;
            do {
                status = http.get(options.projectionUrl() + "/v1/accounts/" + account, "Bearer " + key, null).status();
                if (status == 401 || status == 503) {
                    Thread.sleep(200);
                }
            } while ((status == 401 || status == 503) && System.nanoTime() < deadline);
        }
    }

    /** PostgreSQL's port when it runs on this machine (the pgbench baseline's server), else null. */
    private Integer localDatabasePort() {
        String host = options.pgHost();
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1") ? options.pgPort() : null;
    }

    private Map<String, Integer> ports() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("kafka", Integer.parseInt(options.bootstrapServers().split(",")[0].replaceAll(".*:", "")));
        ports.put("command-service", URI.create(options.commandUrl()).getPort());
        ports.put("projection-service", URI.create(options.projectionUrl()).getPort());
        ports.put("notification-service", URI.create(options.notificationUrl()).getPort());
        return ports;
    }

    private Map<String, String> stack() {
        Map<String, String> stack = new LinkedHashMap<>();
        stack.put("commandUrl", options.commandUrl());
        stack.put("projectionUrl", options.projectionUrl());
        stack.put("notificationUrl", options.notificationUrl());
        stack.put("bootstrapServers", options.bootstrapServers());
        stack.put("database", System.getenv().getOrDefault("LEDGER_BENCHMARK_DB", "as started (run.sh: H2 files)"));
        stack.put("mix", options.mix()[0] + "/" + options.mix()[1] + "/" + options.mix()[2]
                + " payments/transfers/refunds (uniform, kafka-intake)");
        stack.put("capture", options.manualCapture() ? "MANUAL" : "AUTOMATIC");
        stack.put("warmupSeconds", Double.toString(options.warmup().toMillis() / 1000.0));
        stack.put("durationSeconds", Double.toString(options.duration().toMillis() / 1000.0));
        return stack;
    }
}
