package io.walletledger.loadgen.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.walletledger.loadgen.baseline.Baseline;
import io.walletledger.loadgen.observe.StackProcesses;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** Everything one benchmark measured: printed as tables and a one-line summary, written as JSON. */
public record Report(Instant date, Machine machine, Map<String, String> stack, Map<String, Object> setup,
                     List<RunResult> runs, List<Baseline> baselines, List<String> notes) {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .findAndRegisterModules();

    /** Our figures over the machine's: payments/s per pgbench transaction/s, events/s per producer record/s. */
    public Map<String, Map<String, Double>> ratios() {
        Map<String, Map<String, Double>> ratios = new LinkedHashMap<>();
        for (RunResult run : runs) {
            Map<String, Double> r = new LinkedHashMap<>();
            for (Baseline b : baselines) {
                if (!b.measured()) {
                    continue;
                }
                b.figures().forEach((key, value) -> {
                    if (key.startsWith("tpsClients") && value > 0) {
                        r.put("paymentsPerPgbenchTps" + key.substring(3), run.paymentsPerSecond() / value);
                    }
                });
                Double records = b.figure("recordsPerSecond");
                if (records != null && records > 0) {
                    r.put("eventsPerProducerRecord", run.eventsPerSecond() / records);
                }
            }
            ratios.put(run.label(), r);
        }
        return ratios;
    }

    public void writeJson(Path file) throws IOException {
        ObjectNode root = JSON.valueToTree(this);
        root.set("ratios", JSON.valueToTree(ratios()));
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, JSON.writeValueAsString(root) + "\n");
    }

    public static Report readJson(Path file) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
        root.remove("ratios");
        return JSON.treeToValue(root, Report.class);
    }

    public void printTables(PrintStream out) {
        out.println();
        out.printf("%-26s %9s %9s %8s %8s %8s %8s %8s %8s %8s %8s %8s %9s%n", "run", "pay/s", "cmd/s", "rejected",
                "p50 ms", "p99 ms", "p99.9 ms", "max ms", "lag p50", "lag p99", "hook p50", "hook p99", "events/s");
        for (RunResult r : runs) {
            out.printf("%-26s %9.1f %9.1f %8d %8s %8s %8s %8s %8s %8s %8s %8s %9.1f%n", r.label(), r.paymentsPerSecond(),
                    r.acceptedCommandsPerSecond(), r.rejectedTotal(), ms(r.commandLatency().p50Ms()),
                    ms(r.commandLatency().p99Ms()), ms(r.commandLatency().p999Ms()), ms(r.commandLatency().maxMs()),
                    ms(r.projectionLag().p50Ms()), ms(r.projectionLag().p99Ms()), ms(r.webhookLatency().p50Ms()),
                    ms(r.webhookLatency().p99Ms()), r.eventsPerSecond());
        }
        TreeSet<String> processes = new TreeSet<>();
        runs.forEach(r -> processes.addAll(r.cpuSeconds().keySet()));
        if (!processes.isEmpty()) {
            out.println();
            out.printf("%-26s %s%n", "CPU s per 1,000 payments", header(processes));
            runs.forEach(r -> out.printf("%-26s %s%n", r.label(), row(processes, r.cpuSecondsPer1000Payments(), "%.2f")));
            out.printf("%-26s %s%n", "peak resident MiB (VmHWM)", header(processes));
            runs.forEach(r -> out.printf("%-26s %s%n", r.label(), row(processes, r.peakResidentMiB(), "%.0f")));
        }
        for (RunResult r : runs) {
            if (!r.rejectedByCode().isEmpty() || r.sendsDelayed() > 0 || r.projectionLagNotApplied() > 0) {
                out.printf("%s: rejected %s; open-loop sends held back by --max-in-flight %d; lag probes not applied "
                        + "within 5 s %d; webhooks %d of %d%n", r.label(), r.rejectedByCode(), r.sendsDelayed(),
                        r.projectionLagNotApplied(), r.webhookLatency().count(), r.webhooksExpected());
                Latency a = r.acceptedLatency();
                if (a != null) {
                    out.printf("%s: accepted commands only: p50 %s p99 %s p99.9 %s max %s ms; command-service shed %s%n",
                            r.label(), ms(a.p50Ms()), ms(a.p99Ms()), ms(a.p999Ms()), ms(a.maxMs()),
                            r.shedRequests() == null ? "-" : r.shedRequests().toString());
                }
            }
        }
        out.println();
        for (Baseline b : baselines) {
            out.printf("baseline %s: %s%s%n", b.name(), b.measured() ? b.figures() + "; " : "skipped: ", b.note());
        }
        ratios().forEach((run, r) -> {
            if (!r.isEmpty()) {
                out.printf("ratio %s: %s%n", run, format(r));
            }
        });
        notes.forEach(n -> out.println("note: " + n));
    }

    /** The final line: every run's payments/s and p99, and the baselines. */
    public String summaryLine() {
        List<String> parts = new ArrayList<>();
        for (RunResult r : runs) {
            parts.add(String.format(Locale.ROOT, "%s %.1f payments/s %.1f commands/s p99 %s ms lag p99 %s ms webhook p99 %s ms%s",
                    r.label(), r.paymentsPerSecond(), r.acceptedCommandsPerSecond(), ms(r.commandLatency().p99Ms()),
                    ms(r.projectionLag().p99Ms()), ms(r.webhookLatency().p99Ms()),
                    r.rejectedTotal() > 0 ? " rejected " + r.rejectedTotal() : ""));
        }
        for (Baseline b : baselines) {
            parts.add(b.measured() ? "baseline " + b.name() + " " + format(b.figures()) : "baseline " + b.name() + " skipped");
        }
        return "SUMMARY " + String.join("; ", parts);
    }

    /** The runs as a Markdown table, for docs/performance.md. */
    public String markdownTable() {
        StringBuilder s = new StringBuilder("| run | payments/s | commands/s | rejected | p50 ms | p99 ms | p99.9 ms "
                + "| max ms | lag p50 ms | lag p99 ms | lag probes stale | webhook p50 ms | webhook p99 ms | webhooks "
                + "| events/s | CPU s / 1,000 payments (cmd, proj, notif, kafka, postgres) | peak RSS MiB (cmd, proj, notif, kafka) "
                + "| lost races | load avg |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---:|---:|\n");
        for (RunResult r : runs) {
            s.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %s | %s | %s | %s | %s | %s | %s | %d | %s | %s | %d of %d "
                            + "| %.0f | %s | %s | %s | %s |%n", r.label(), r.paymentsPerSecond(), r.acceptedCommandsPerSecond(),
                    r.rejectedByCode().isEmpty() ? "0" : r.rejectedByCode().toString(), ms(r.commandLatency().p50Ms()),
                    ms(r.commandLatency().p99Ms()), ms(r.commandLatency().p999Ms()), ms(r.commandLatency().maxMs()),
                    ms(r.projectionLag().p50Ms()), ms(r.projectionLag().p99Ms()), r.projectionLagNotApplied(),
                    ms(r.webhookLatency().p50Ms()), ms(r.webhookLatency().p99Ms()), r.webhookLatency().count(),
                    r.webhooksExpected(), r.eventsPerSecond(),
                    perService(r.cpuSecondsPer1000Payments(), "%.2f", StackProcesses.POSTGRES),
                    perService(r.peakResidentMiB(), "%.0f"),
                    r.concurrencyRetries() == null ? "-" : r.concurrencyRetries().toString(),
                    r.loadAverage1m() == null ? "-" : String.format(Locale.ROOT, "%.1f", r.loadAverage1m())));
        }
        return s.toString();
    }

    private static String perService(Map<String, Double> values, String format, String... more) {
        List<String> parts = new ArrayList<>();
        List<String> names = new ArrayList<>(List.of("command-service", "projection-service", "notification-service", "kafka"));
        names.addAll(List.of(more));
        for (String name : names) {
            Double v = values.get(name);
            parts.add(v == null ? "-" : String.format(Locale.ROOT, format, v));
        }
        return String.join(" / ", parts);
    }

    private static String header(TreeSet<String> processes) {
        StringBuilder s = new StringBuilder();
        processes.forEach(p -> s.append(String.format("%22s", p)));
        return s.toString();
    }

    private static String row(TreeSet<String> processes, Map<String, Double> values, String format) {
        StringBuilder s = new StringBuilder();
        processes.forEach(p -> s.append(String.format("%22s", values.get(p) == null ? "-"
                : String.format(Locale.ROOT, format, values.get(p)))));
        return s.toString();
    }

    static String ms(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.0f", value);
    }

    private static String format(Map<String, Double> figures) {
        List<String> parts = new ArrayList<>();
        figures.forEach((k, v) -> parts.add(k + "=" + (Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.4g", v))));
        return String.join(" ", parts);
    }
}
