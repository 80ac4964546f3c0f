package io.walletledger.e2e;

import io.walletledger.loadgen.LoadGenerator;
import io.walletledger.loadgen.Options;
import io.walletledger.loadgen.report.Report;
import io.walletledger.testkit.KafkaEndpoint;
import io.walletledger.testkit.PostgresDatabase;
import io.walletledger.testkit.RealServices;
import io.walletledger.testkit.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's smoke test (docs/performance.md): the load generator, for a few seconds, against the three
 * services started from their jars on real Kafka and PostgreSQL; an HTTP run and a Kafka-intake run, then both
 * machine baselines in miniature. It asserts only that the generator completes, prints its summary and writes
 * its results and chart: no figure is asserted.
 */
@ExtendWith(RealServices.class)
class LoadGeneratorSmokeIT {

    private static final String ISSUER = "loadgen-smoke";

    private static KafkaEndpoint kafka;
    private static ServiceProcess commands;
    private static ServiceProcess projections;
    private static ServiceProcess notifications;

    @BeforeAll
    static void startStack(KafkaEndpoint broker, PostgresDatabase database) throws Exception {
        kafka = broker;
        Map<String, String> commandEnv = ServiceProcess.environment(kafka, database.sibling("cmd"));
        commandEnv.put("MICRONAUT_APPLICATION_JSON", "{\"ledger\":{\"intake\":{\"issuers\":{\"" + ISSUER + "\":["
                + "\"accounts:open\",\"deposits:create\",\"transfers:create\",\"payments:create\","
                + "\"payments:authorize\",\"payments:capture\",\"payments:refund\"]}}}}");
        commands = ServiceProcess.start("command-service", "COMMAND_SERVICE_PORT", commandEnv);
        commands.awaitHealthy();
        projections = ServiceProcess.start("projection-service", "PROJECTION_SERVICE_PORT",
                ServiceProcess.environment(kafka, database.sibling("proj")));
        Map<String, String> local = ServiceProcess.environment(kafka, database.sibling("notif"));
        local.put("MICRONAUT_ENVIRONMENTS", "local"); // webhooks over http to the generator's receiver on loopback
        notifications = ServiceProcess.start("notification-service", "NOTIFICATION_SERVICE_PORT", local);
        projections.awaitHealthy();
        notifications.awaitHealthy();
    }

    @AfterAll
    static void stopStack() throws Exception {
        ServiceProcess.closeAll(notifications, projections, commands);
    }

    @Test
    void a_few_seconds_of_benchmark_complete_with_a_summary_results_and_a_chart(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("results.json");
        Path chart = dir.resolve("chart.svg");
        Options options = Options.parse("--command-url", commands.uri("").toString(),
                "--projection-url", projections.uri("").toString(), "--notification-url", notifications.uri("").toString(),
                "--bootstrap-servers", kafka.bootstrapServers(), "--admin-key", TestKeys.ADMIN,
                "--customers", "100", "--merchants", "3", "--service-keys", "2", "--issuer", ISSUER, "--drain", "3s",
                "--plan", "uniform:20,kafka-intake:closed", "--concurrency", "4", "--warmup", "1s", "--duration", "3s",
                "--lag-sample", "0.2", "--kafka-perf-records", "20000", "--pgbench-seconds", "1",
                "--out", results.toString(), "--chart", chart.toString());
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new Tee(captured, System.out), true, StandardCharsets.UTF_8);

        LoadGenerator.run(options, out);

        String[] lines = captured.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines[lines.length - 1]).startsWith("SUMMARY uniform@20/s ").contains("kafka-intake@closed-4");
        Report report = Report.readJson(results);
        assertThat(report.runs()).hasSize(2);
        assertThat(report.baselines()).extracting(b -> b.name()).containsExactly("kafka-producer", "pgbench");
        assertThat(Files.readString(chart)).startsWith("<svg").contains("kafka-intake@closed-4");
    }

    /** Writes to the captured buffer and to the test's own output (the failsafe report keeps it). */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}
