package io.walletledger.loadgen.report;

import io.walletledger.loadgen.baseline.Baseline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChartTest {

    @Test
    void results_written_as_json_read_back_into_the_same_report_and_draw_one_row_per_run(@TempDir Path dir)
            throws Exception {
        Report report = new Report(Instant.parse("2026-11-26T10:00:00Z"),
                new Machine(2, 24_000, "test cpu", "jdk", "linux"), Map.of("database", "H2"), Map.of("customers", 200),
                List.of(run("uniform@100/s", 99.5, 2.5), run("hot-payer@closed-64", 40, 900)),
                List.of(Baseline.measured("pgbench", Map.of("tpsClients1", 2600.0), "test"),
                        Baseline.skipped("kafka-producer", "no broker")), List.of());
        Path json = dir.resolve("results.json");
        report.writeJson(json);

        Report read = Report.readJson(json);
        assertThat(read).isEqualTo(report);
        assertThat(read.ratios().get("uniform@100/s")).containsEntry("paymentsPerPgbenchTpsClients1", 99.5 / 2600);

        Path svg = dir.resolve("chart.svg");
        Chart.write(read, svg);
        assertThat(Files.readString(svg)).startsWith("<svg").contains("uniform@100/s", "hot-payer@closed-64",
                "100 payments/s", "2.50 / 5.00 / 10 ms");
    }

    private static RunResult run(String label, double paymentsPerSecond, double p50Ms) {
        Latency latency = new Latency(1000, p50Ms, 2 * p50Ms, 4 * p50Ms, 8 * p50Ms);
        Latency none = new Latency(0, null, null, null, null);
        return new RunResult(label, label.substring(0, label.indexOf('@')), label.contains("closed"), null, null, 30,
                3000, 100, (long) (paymentsPerSecond * 30), paymentsPerSecond, 0, 0, Map.of(), 0, latency,
                Map.of("payment.request", latency), latency, none, 0, none, 0, 0, 0, Map.of("kafka", 1.5),
                Map.of("kafka", 0.5), Map.of("kafka", 400.0), 3L, 1.5, null, latency, 0L);
    }
}
