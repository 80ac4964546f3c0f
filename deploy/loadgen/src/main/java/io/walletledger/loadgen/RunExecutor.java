package io.walletledger.loadgen;

import io.walletledger.loadgen.command.ApiKeys;
import io.walletledger.loadgen.command.CommandTransport;
import io.walletledger.loadgen.command.HttpTransport;
import io.walletledger.loadgen.command.KafkaTransport;
import io.walletledger.loadgen.command.LedgerHttp;
import io.walletledger.loadgen.observe.EventOffsets;
import io.walletledger.loadgen.observe.FlightRecorder;
import io.walletledger.loadgen.observe.ProjectionLagProbe;
import io.walletledger.loadgen.observe.StackProcesses;
import io.walletledger.loadgen.observe.WebhookSink;
import io.walletledger.loadgen.report.Latency;
import io.walletledger.loadgen.report.RunResult;
import io.walletledger.loadgen.workload.LoadDriver;
import io.walletledger.loadgen.workload.RunSpec;
import io.walletledger.loadgen.workload.RunStats;
import io.walletledger.loadgen.workload.Scenario;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Runs one run of the plan and turns what it measured into a {@link RunResult}. */
final class RunExecutor {

    /** Before each run, the stack may use this much CPU at most to count as idle; how long to wait for it. */
    private static final double QUIET_CORES = 0.3;
    private static final Duration SETTLE = Duration.ofSeconds(180);

    private final Options options;
    private final PrintStream out;
    private final LedgerHttp http;
    private final ApiKeys keys;
    private final WebhookSink webhooks;
    private final ProjectionLagProbe lag;
    private final EventOffsets events;
    private final StackProcesses processes;
    private final LoadDriver driver;
    private final List<String> notes;

    RunExecutor(Options options, PrintStream out, LedgerHttp http, ApiKeys keys, WebhookSink webhooks,
                ProjectionLagProbe lag, EventOffsets events, StackProcesses processes, LoadDriver driver,
                List<String> notes) {
        this.notes = notes;
        this.options = options;
        this.out = out;
        this.http = http;
        this.keys = keys;
        this.webhooks = webhooks;
        this.lag = lag;
        this.events = events;
        this.processes = processes;
        this.driver = driver;
    }

    /** What was sampled when the measured period began. */
    private record Start(StackProcesses.Sample sample, long events, Counters counters) {
    }

    /** command-service's counters read from one scrape, each null if unreadable. */
    private record Counters(Double retries, Double shed) {
        static Double delta(Double end, Double start) {
            return end == null || start == null ? null : end - start;
        }
    }

    private static final java.util.regex.Pattern RETRIES = counter("ledger_commands_concurrency_retries_total");
    static final java.util.regex.Pattern SHED = counter("ledger_http_shed_total");

    private static java.util.regex.Pattern counter(String name) {
        return java.util.regex.Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? ([0-9.eE+-]+)$");
    }

    /**
     * command-service's count of lost optimistic races and of requests shed as overloaded (operations.md,
     * Metrics), summed over their tags; null if unreadable.
     */
    private Counters counters() {
        try {
            String scrape = http.getText(options.commandUrl() + "/prometheus", "Bearer " + options.adminKey());
            return scrape == null ? new Counters(null, null) : new Counters(sum(RETRIES, scrape), sum(SHED, scrape));
        } catch (java.io.IOException | RuntimeException e) {
            return new Counters(null, null);
        }
    }

    static double sum(java.util.regex.Pattern counter, String scrape) {
        java.util.regex.Matcher m = counter.matcher(scrape);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }

    RunResult run(RunSpec spec) throws Exception {
        settle("before " + spec.label());
        out.printf("run %s: %.1f s warm-up, %.1f s measured ...%n", spec.label(), options.warmup().toMillis() / 1e3,
                options.duration().toMillis() / 1e3);
        RunStats stats = new RunStats();
        AtomicReference<Start> start = new AtomicReference<>();
        Path recording = recordingFile(spec);
        Long commandPid = pidOf("command-service");
        try (CommandTransport transport = spec.scenario() == Scenario.KAFKA_INTAKE
                ? new KafkaTransport(options.bootstrapServers(), options.issuer())
                : new HttpTransport(http, options.commandUrl(), keys)) {
            LoadDriver.Window window = driver.run(spec, transport, stats, options.warmup(), options.duration(), () -> {
                long eventsAtStart;
                try {
                    eventsAtStart = events.total();
                } catch (Exception e) {
                    eventsAtStart = -1;
                }
                start.set(new Start(processes.sample(), eventsAtStart, counters()));
                if (recording != null && commandPid != null) {
                    out.println("jfr: " + FlightRecorder.start(commandPid, recording).lines().findFirst().orElse(""));
                }
            });
            StackProcesses.Sample end = processes.sample();
            long eventsAtEnd = events.total();
            Counters countersAtEnd = counters();
            if (recording != null && commandPid != null) {
                FlightRecorder.stop(commandPid);
            }
            lag.awaitIdle(options.drain());
            List<String> webhookPayments = List.copyOf(stats.webhookPayments());
            webhooks.awaitDeliveries(webhookPayments, options.drain());
            double elapsed = Math.max(window.endNanos(), stats.lastCompletionNanos()) - window.startNanos();
            Double retries = Counters.delta(countersAtEnd.retries(), start.get().counters().retries());
            Double shed = Counters.delta(countersAtEnd.shed(), start.get().counters().shed());
            RunResult result = result(spec, stats, elapsed / 1e9, start.get(), end, eventsAtEnd, webhookPayments,
                    recording != null && commandPid != null ? recording.toString() : null, retries, shed);
            out.printf("run %s: %.1f payments/s, %.1f commands/s accepted, %d rejected %s, p99 %s ms (accepted: %s ms), "
                            + "%s shed, %s lost races, load average %s%n", spec.label(), result.paymentsPerSecond(),
                    result.acceptedCommandsPerSecond(), result.rejectedTotal(), result.rejectedByCode(),
                    result.commandLatency().p99Ms(), result.acceptedLatency().p99Ms(), result.shedRequests(),
                    result.concurrencyRetries(), result.loadAverage1m());
            checkHealth(spec);
            return result;
        }
    }

    private RunResult result(RunSpec spec, RunStats stats, double seconds, Start start, StackProcesses.Sample end,
                             long eventsAtEnd, List<String> webhookPayments, String recording, Double retries,
                             Double shed) {
        Map<String, Latency> byCommand = new LinkedHashMap<>();
        stats.latencyByCommand().forEach((type, h) -> byCommand.put(type, Latency.of(h)));
        Map<String, Double> cpu = new LinkedHashMap<>();
        Map<String, Double> cpuPerThousand = new LinkedHashMap<>();
        end.cpuTicks().forEach((name, ticks) -> {
            Long before = start.sample().cpuTicks().get(name);
            if (before != null) {
                double cpuSeconds = (ticks - before) / (double) processes.ticksPerSecond();
                cpu.put(name, cpuSeconds);
                if (stats.payments() > 0) {
                    cpuPerThousand.put(name, cpuSeconds * 1000 / stats.payments());
                }
            }
        });
        Map<String, Double> peak = new LinkedHashMap<>();
        end.peakResidentKiB().forEach((name, kib) -> peak.put(name, kib / 1024.0));
        long eventCount = start.events() < 0 ? 0 : eventsAtEnd - start.events();
        return new RunResult(spec.label(), spec.scenario().wireName(), spec.closedLoop(),
                spec.closedLoop() ? null : spec.paymentsPerSecond(), spec.closedLoop() ? spec.concurrency() : null,
                seconds, stats.accepted(), stats.accepted() / seconds, stats.payments(), stats.payments() / seconds,
                stats.transfers(), stats.refunds(), stats.rejectedByCode(), stats.sendsDelayed(),
                Latency.of(stats.commandLatency()), byCommand, Latency.of(stats.paymentLatency()),
                Latency.of(stats.projectionLag()), stats.lagNotApplied(), Latency.of(webhooks.latencies(webhookPayments)),
                webhookPayments.size(), eventCount, eventCount / seconds, cpu, cpuPerThousand, peak, retries == null ? null : retries.longValue(), loadAverage(),
                recording, Latency.of(stats.acceptedLatency()), shed == null ? null : shed.longValue());
    }

    /** Lets the backlog of the set-up or of the last run drain, so that it is not measured as this run's. */
    private void settle(String when) throws InterruptedException {
        if (processes.members().size() <= 1) {
            return;
        }
        double waited = processes.awaitQuiet(QUIET_CORES, SETTLE);
        String note = waited < 0 ? when + ": the stack was still busy (over " + QUIET_CORES + " cores) after "
                + SETTLE.toSeconds() + " s of waiting; this run starts on a backlog"
                : String.format(java.util.Locale.ROOT, "%s: the stack settled in %.0f s", when, waited);
        out.println("settle: " + note);
        if (waited < 0) {
            notes.add(note);
        }
    }

    /** A service that is down after a run makes the later runs meaningless: say so where the figures are. */
    private void checkHealth(RunSpec spec) {
        for (String url : List.of(options.commandUrl(), options.projectionUrl(), options.notificationUrl())) {
            int status;
            try {
                status = http.get(url + "/health", "Bearer " + options.adminKey(), null).status();
            } catch (java.io.IOException e) {
                status = 0;
            }
            if (status != 200) {
                String note = "after " + spec.label() + ": " + url + "/health answered " + (status == 0 ? "nothing" : status);
                out.println("note: " + note);
                notes.add(note);
            }
        }
    }

    private static Double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (java.io.IOException | RuntimeException noProc) {
            return null;
        }
    }

    private Path recordingFile(RunSpec spec) throws java.io.IOException {
        if (options.jfrDirectory() == null || (options.jfrRun() != null && !options.jfrRun().equals(spec.label()))) {
            return null;
        }
        Files.createDirectories(options.jfrDirectory());
        return options.jfrDirectory().resolve("command-service-" + spec.label().replaceAll("[^a-zA-Z0-9-]", "_") + ".jfr");
    }

    private Long pidOf(String name) {
        return processes.members().stream().filter(m -> m.name().equals(name)).map(StackProcesses.Member::pid)
                .findFirst().orElse(null);
    }
}
