package io.walletledger.projection.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What an audit found: counts, the rebuilt state, totals per currency and the violations. */
public record AuditResult(
        Instant asOf,
        long eventsRead,
        long eventsApplied,
        long redeliveries,
        long eventsAfterAsOf,
        int aggregates,
        Map<String, LedgerReplay.Account> accounts,
        Map<String, LedgerReplay.Payment> payments,
        Map<String, LedgerReplay.CurrencyTotals> totals,
        List<Violation> violations,
        Map<Violation.Kind, Long> violationCounts,
        long elapsedNanos,
        java.util.function.ToLongFunction<String> lastSequence) {

    public boolean passed() {
        return violationCounts.isEmpty();
    }

    public long totalViolations() {
        return violationCounts.values().stream().mapToLong(Long::longValue).sum();
    }

    public long eventsPerSecond() {
        return elapsedNanos <= 0 ? 0 : eventsRead * 1_000_000_000L / elapsedNanos;
    }
}
