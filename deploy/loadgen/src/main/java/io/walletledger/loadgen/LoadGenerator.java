package io.walletledger.loadgen;

import io.walletledger.loadgen.report.Chart;
import io.walletledger.loadgen.report.Report;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The benchmark's command line (deploy/local/benchmark.sh): runs the load against an already started stack and
 * the machine-limit baselines, prints tables and a final {@code SUMMARY} line, writes the JSON results.
 * {@code chart <results.json> <chart.svg>} draws the chart of earlier results; {@code markdown <results.json>}
 * prints their table for docs/performance.md.
 */
public final class LoadGenerator {

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty(
                "org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        if (args.length > 0 && args[0].equals("chart")) {
            if (args.length != 3) {
                System.err.println("usage: benchmark.sh chart <results.json> <chart.svg>");
                System.exit(2);
            }
            Chart.write(Report.readJson(Path.of(args[1])), Path.of(args[2]));
            System.out.println("chart written to " + args[2]);
            return;
        }
        if (args.length > 0 && args[0].equals("markdown")) {
            System.out.print(Report.readJson(Path.of(args[1])).markdownTable());
            return;
        }
        if (java.util.List.of(args).contains("--help")) {
            System.out.print(Options.USAGE);
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        run(options, System.out);
        System.exit(0); // Kafka's and the HTTP client's threads must not keep the JVM alive
    }

    /** Runs the whole benchmark; the report is printed to {@code out} and written to the options' files. */
    public static Report run(Options options, PrintStream out) throws Exception {
        Report report = new Benchmark(options, out).run();
        report.printTables(out);
        report.writeJson(options.out());
        out.println("results written to " + options.out().toAbsolutePath());
        if (options.chart() != null) {
            Chart.write(report, options.chart());
            out.println("chart written to " + options.chart().toAbsolutePath());
        }
        out.println(report.summaryLine());
        out.flush();
        return report;
    }
}
