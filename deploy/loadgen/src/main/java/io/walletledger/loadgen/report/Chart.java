package io.walletledger.loadgen.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * An SVG of a report: accepted payments/s per run (bars), and command latency p50 / p99 / p99.9 per run on a
 * logarithmic axis. Drawn from the JSON results only, so that the page's chart is never drawn by hand.
 */
public final class Chart {

    private static final int WIDTH = 960;
    private static final int LEFT = 200;
    private static final int PLOT = 620;
    private static final int ROW = 34;
    private static final String[] COLORS = {"#9ecae1", "#3182bd", "#08306b"};
    private static final double LOG_MIN_MS = 0.1;
    private static final double LOG_MAX_MS = 100_000;

    private Chart() {
    }

    public static void write(Report report, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, svg(report));
    }

    static String svg(Report report) {
        List<RunResult> runs = report.runs();
        int panel = 60 + runs.size() * ROW;
        int height = 60 + 2 * panel + 40;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, height));
        s.append(String.format("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, height));
        s.append(text(20, 28, "Wallet Ledger benchmark, " + report.date().atOffset(ZoneOffset.UTC).toLocalDate() + " — "
                + report.machine().cpus() + " cores, " + Math.round(report.machine().memoryMiB() / 1024.0) + " GiB; "
                + report.stack().getOrDefault("database", "") + " (generated from the JSON results)", "bold", 14));
        throughput(s, runs, 60);
        latency(s, runs, 60 + panel);
        s.append("</svg>\n");
        return s.toString();
    }

    private static void throughput(StringBuilder s, List<RunResult> runs, int top) {
        s.append(text(20, top + 16, "Accepted payments per second (and accepted commands per second)", "bold", 13));
        double max = runs.stream().mapToDouble(RunResult::acceptedCommandsPerSecond).max().orElse(1);
        double scale = niceCeiling(Math.max(max * 1.4, 1)); // room for the label right of the longest bar
        axis(s, top + 30, runs.size(), i -> String.format(Locale.ROOT, "%.0f", scale * i / 5),
                i -> LEFT + PLOT * i / 5.0, 5);
        for (int i = 0; i < runs.size(); i++) {
            RunResult r = runs.get(i);
            int y = top + 36 + i * ROW;
            s.append(text(LEFT - 8, y + 15, r.label(), "end", 12));
            double commands = PLOT * r.acceptedCommandsPerSecond() / scale;
            double payments = PLOT * r.paymentsPerSecond() / scale;
            s.append(rect(LEFT, y + 2, commands, 10, "#c7e9c0"));
            s.append(rect(LEFT, y + 12, payments, 12, "#31a354"));
            s.append(text((int) (LEFT + Math.max(commands, payments)) + 6, y + 22, String.format(Locale.ROOT,
                    "%.0f payments/s (%.0f commands/s)", r.paymentsPerSecond(), r.acceptedCommandsPerSecond()), "start", 11));
        }
    }

    private static void latency(StringBuilder s, List<RunResult> runs, int top) {
        s.append(text(20, top + 16, "Command latency, ms (log scale): p50, p99, p99.9", "bold", 13));
        int decades = (int) Math.round(Math.log10(LOG_MAX_MS / LOG_MIN_MS));
        axis(s, top + 30, runs.size(), i -> trim(LOG_MIN_MS * Math.pow(10, i)), i -> LEFT + PLOT * i / (double) decades,
                decades);
        for (int i = 0; i < runs.size(); i++) {
            RunResult r = runs.get(i);
            int y = top + 36 + i * ROW;
            s.append(text(LEFT - 8, y + 15, r.label(), "end", 12));
            Double[] values = {r.commandLatency().p50Ms(), r.commandLatency().p99Ms(), r.commandLatency().p999Ms()};
            for (int k = 0; k < values.length; k++) {
                if (values[k] != null) {
                    s.append(rect(LEFT, y + 2 + k * 8, logX(values[k]) - LEFT, 7, COLORS[k]));
                }
            }
            if (values[2] != null) {
                s.append(text((int) logX(values[2]) + 6, y + 20, String.format(Locale.ROOT, "%s / %s / %s ms",
                        Report.ms(values[0]), Report.ms(values[1]), Report.ms(values[2])), "start", 11));
            }
        }
    }

    private static void axis(StringBuilder s, int y, int rows, java.util.function.IntFunction<String> label,
                             java.util.function.IntToDoubleFunction x, int ticks) {
        int bottom = y + 8 + rows * ROW;
        for (int i = 0; i <= ticks; i++) {
            double tx = x.applyAsDouble(i);
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n",
                    tx, y, tx, bottom));
            s.append(text((int) tx, y - 2, label.apply(i), "middle", 10));
        }
    }

    private static double logX(double ms) {
        double clamped = Math.max(LOG_MIN_MS, Math.min(LOG_MAX_MS, ms));
        return LEFT + PLOT * Math.log10(clamped / LOG_MIN_MS) / Math.log10(LOG_MAX_MS / LOG_MIN_MS);
    }

    private static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[]{1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String trim(double value) {
        return value < 1 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.0f", value);
    }

    private static String rect(double x, double y, double width, double height, String fill) {
        return String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>%n",
                x, y, Math.max(width, 0.5), height, fill);
    }

    private static String text(int x, int y, String content, String style, int size) {
        String anchor = style.equals("bold") ? "start" : style;
        String weight = style.equals("bold") ? " font-weight=\"bold\"" : "";
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"%d\" text-anchor=\"%s\"%s>%s</text>%n",
                x, y, size, anchor, weight, content.replace("&", "&amp;").replace("<", "&lt;"));
    }
}
