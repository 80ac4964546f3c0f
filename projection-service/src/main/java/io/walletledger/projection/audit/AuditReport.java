package io.walletledger.projection.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.walletledger.envelope.LedgerJson;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The audit's JSON report and its short human summary. */
final class AuditReport {

    private static final ObjectMapper JSON = LedgerJson.newObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AuditReport() {
    }

    static Map<String, Object> of(AuditResult result, Reconciliation.Outcome reconciliation) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("passed", result.passed() && (reconciliation == null || reconciliation.differences().isEmpty()));
        report.put("asOf", result.asOf() == null ? null : result.asOf().toString());
        report.put("eventsRead", result.eventsRead());
        report.put("eventsApplied", result.eventsApplied());
        report.put("redeliveriesSkipped", result.redeliveries());
        report.put("eventsAfterAsOf", result.eventsAfterAsOf());
        report.put("aggregates", result.aggregates());
        report.put("accounts", result.accounts().size());
        report.put("payments", result.payments().size());
        report.put("elapsedMillis", result.elapsedNanos() / 1_000_000);
        report.put("eventsPerSecond", result.eventsPerSecond());
        List<Map<String, Object>> totals = new ArrayList<>();
        result.totals().values().forEach(t -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("currency", t.currency());
            row.put("balances", t.balances());
            row.put("inFlight", t.inFlight());
            row.put("sum", t.sum());
            row.put("balancesByAccountType", t.byType());
            totals.add(row);
        });
        report.put("totals", totals);
        Map<String, Object> counts = new LinkedHashMap<>();
        result.violationCounts().forEach((kind, count) -> counts.put(kind.name(), count));
        report.put("violationCounts", counts);
        report.put("violations", result.violations());
        if (reconciliation != null) {
            Map<String, Object> recon = new LinkedHashMap<>();
            recon.put("accountsChecked", reconciliation.checked());
            recon.put("differences", reconciliation.differences());
            recon.put("viewsAheadOfTheAudit", reconciliation.ahead());
            report.put("reconciliation", recon);
        }
        return report;
    }

    static void write(Path file, Map<String, Object> report) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        JSON.writeValue(file.toFile(), report);
    }

    static void summary(PrintStream out, AuditResult result, Reconciliation.Outcome reconciliation, Path reportFile) {
        out.printf("audit %s: %,d events read (%,d applied, %,d redeliveries skipped%s) in %,d ms, %,d events/s%n",
                result.asOf() == null ? "of the whole history" : "as of " + result.asOf(), result.eventsRead(),
                result.eventsApplied(), result.redeliveries(),
                result.asOf() == null ? "" : String.format(", %,d after the as-of instant", result.eventsAfterAsOf()),
                result.elapsedNanos() / 1_000_000, result.eventsPerSecond());
        out.printf("%,d accounts, %,d payments, %,d aggregates%n", result.accounts().size(), result.payments().size(),
                result.aggregates());
        result.totals().values().forEach(t -> out.printf("  %s: balances %,d + in flight %,d = %,d%s%n", t.currency(),
                t.balances(), t.inFlight(), t.sum(), t.sum() == 0 ? "" : "  <-- not zero"));
        if (result.passed()) {
            out.println("invariants I1-I6, I8, I9: no violation");
        } else {
            out.printf("VIOLATIONS: %,d%n", result.totalViolations());
            result.violationCounts().forEach((kind, count) -> out.printf("  %-20s %s %,6d  %s%n", kind, kind.invariant(),
                    count, kind.meaning()));
            result.violations().stream().limit(20).forEach(v -> out.printf("  - %s %s %s: %s%n", v.kind(),
                    v.aggregateId(), v.eventIds(), v.detail()));
        }
        if (reconciliation != null) {
            out.printf("reconciliation with projection-service: %,d accounts checked, %,d differences%s%n",
                    reconciliation.checked(), reconciliation.differences().size(), reconciliation.ahead() == 0 ? ""
                            : String.format(" (%,d views already ahead of the audited snapshot, not compared)",
                            reconciliation.ahead()));
            reconciliation.differences().stream().limit(20).forEach(d -> out.printf(
                    "  - %s: audit balance %,d held %,d, view %s%n", d.accountId(), d.auditedBalance(),
                    d.auditedHeld(), d.viewBalance() == null ? "missing"
                            : String.format("balance %,d held %,d", d.viewBalance(), d.viewHeld())));
        }
        out.println("report: " + reportFile.toAbsolutePath());
    }
}
