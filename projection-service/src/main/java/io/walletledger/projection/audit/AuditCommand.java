package io.walletledger.projection.audit;

import io.walletledger.envelope.Topics;
import io.walletledger.projection.CliApiKey;
import io.walletledger.projection.ProgressBar;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code java -jar projection-service.jar audit}: replays the event topic and proves the invariants over
 * the whole history (or up to {@code --as-of}), reconciles with projection-service's views, writes a
 * JSON report, optionally exports balances and statements. Exit status 0 when everything holds, 1 on
 * any violation or difference, 2 on bad usage, an unreachable broker or service, or an API key the
 * service refuses. No Micronaut context is started: the command needs neither the service's beans nor
 * its configuration (no admin key, no API key registry), only the broker and the service's HTTP API.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Replay ledger.events.v1 and verify I1-I6, I8, I9 over the whole history.")
public final class AuditCommand implements Callable<Integer> {

    @Option(names = "--bootstrap-servers", defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}",
            description = "Kafka bootstrap servers (default: $KAFKA_BOOTSTRAP_SERVERS or ${DEFAULT-VALUE})")
    String bootstrapServers;

    @Option(names = "--topic", defaultValue = Topics.EVENTS, description = "event topic (default: ${DEFAULT-VALUE})")
    String topic;

    @Option(names = "--as-of", description = "audit only events that occurred at or before this instant "
            + "(2026-11-25T12:00:00Z) or the start of this UTC date (2026-11-25)")
    String asOf;

    @Option(names = "--projection-url", defaultValue = "http://127.0.0.1:${env:PROJECTION_SERVICE_PORT:-8082}",
            description = "projection-service to reconcile with (default: ${DEFAULT-VALUE})")
    String projectionUrl;

    @Option(names = "--api-key", description = "API key for projection-service, one with accounts:read (an "
            + "AUDITOR key suffices; default: $" + CliApiKey.ENV + ", else $" + CliApiKey.ADMIN_ENV + "). Prefer "
            + "the environment: a command line is visible to other users of the machine")
    String apiKey;

    @Option(names = "--no-reconcile", description = "skip the comparison with projection-service's views")
    boolean noReconcile;

    @Option(names = "--report", defaultValue = "audit-report.json", description = "JSON report (default: ${DEFAULT-VALUE})")
    Path report;

    @Option(names = "--export-dir", description = "also write balances and statements as of the instant "
            + "(balances.csv, balances.jsonl, statements.csv, statements.jsonl) into this folder")
    Path exportDir;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    private final PrintStream out;
    private final PrintStream progress;
    private final Map<String, String> environment;

    public AuditCommand() {
        this(System.out, System.err, System.getenv());
    }

    AuditCommand(PrintStream out, PrintStream progress, Map<String, String> environment) {
        this.out = out;
        this.progress = progress;
        this.environment = environment;
    }

    public static int run(String[] args) {
        return new CommandLine(new AuditCommand()).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        Instant instant;
        try {
            instant = asOf == null ? null : instant(asOf);
        } catch (DateTimeParseException e) {
            out.println("--as-of must be an instant (2026-11-25T12:00:00Z) or a date (2026-11-25): " + asOf);
            return 2;
        }
        Reconciliation reconciliation = noReconcile ? null : reconciliation(instant);
        if (!noReconcile && reconciliation == null) {
            return 2;
        }
        List<LedgerReplay.Line> lines = new ArrayList<>();
        AuditResult result = replay(instant, exportDir == null ? null : lines);
        if (result == null) {
            return 2;
        }
        Reconciliation.Outcome compared = null;
        if (reconciliation != null) {
            try {
                compared = reconciliation.compare(result.accounts().values(), result.lastSequence(), Duration.ofSeconds(10));
            } catch (RuntimeException e) {
                return cannotReconcile(e.getMessage());
            }
        }
        AuditReport.write(report, AuditReport.of(result, compared));
        if (exportDir != null) {
            AuditExport.write(exportDir, result, lines);
            out.println("exports: " + exportDir.toAbsolutePath());
        }
        AuditReport.summary(out, result, compared, report);
        boolean reconciled = compared == null || compared.differences().isEmpty();
        return result.passed() && reconciled ? 0 : 1;
    }

    /** The reconciliation, once the service has taken the key; null (reported) when it cannot be done. */
    private Reconciliation reconciliation(Instant instant) throws InterruptedException {
        Optional<String> key = CliApiKey.resolve(apiKey, environment);
        if (key.isEmpty()) {
            out.println("no API key for the reconciliation with projection-service: pass --api-key or set $"
                    + CliApiKey.ENV + " (an AUDITOR key suffices), or use --no-reconcile to skip it");
            return null;
        }
        Reconciliation reconciliation = new Reconciliation(projectionUrl, instant, key.get());
        try {
            reconciliation.checkAccess();
            return reconciliation;
        } catch (IOException | RuntimeException e) {
            cannotReconcile(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            return null;
        }
    }

    /** Reads the whole history into the auditor; null (reported) when the topic cannot be read. */
    private AuditResult replay(Instant instant, List<LedgerReplay.Line> lines) throws InterruptedException {
        Auditor auditor = new Auditor(instant, lines == null ? null : lines::add);
        KafkaHistory history = new KafkaHistory(bootstrapServers, topic);
        long started = System.nanoTime();
        Thread bar = quiet ? null : Thread.ofPlatform().daemon().start(() -> draw(history, started));
        try {
            history.read(auditor::acceptAll);
        } catch (org.apache.kafka.common.KafkaException | IllegalStateException e) {
            out.println("cannot read " + topic + " from " + bootstrapServers + ": " + e.getMessage());
            return null;
        } finally {
            if (bar != null) {
                bar.interrupt();
                bar.join();
            }
        }
        return auditor.finish(System.nanoTime() - started);
    }

    private int cannotReconcile(String why) {
        out.println("cannot reconcile with projection-service at " + projectionUrl + ": " + why
                + " (use --no-reconcile to skip)");
        return 2;
    }

    private void draw(KafkaHistory history, long started) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                progress.print("\r" + line(history, started, "AUDITING"));
                progress.flush();
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        progress.println("\r" + line(history, started, "READ"));
    }

    private static String line(KafkaHistory history, long started, String state) {
        long seconds = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        long done = history.done.get();
        return ProgressBar.line(state, done, history.total.get(), done * 1000 / seconds, "");
    }

    static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }
}
