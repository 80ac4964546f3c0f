package io.walletledger.e2e.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/** The campaign's figures, as a Markdown report (printed, and written to {@code report.md}). */
public final class CampaignReport {

    private final String profile;
    private final long seed;
    private final List<FaultCampaign.Result> results;

    CampaignReport(String profile, long seed, List<FaultCampaign.Result> results) {
        this.profile = profile;
        this.seed = seed;
        this.results = results;
    }

    public List<String> failures() {
        List<String> failures = new ArrayList<>();
        for (FaultCampaign.Result r : results) {
            r.failures().forEach(f -> failures.add(r.plan().name() + ": " + f));
        }
        return failures;
    }

    public String text() {
        StringBuilder t = new StringBuilder("# Fault campaign `" + profile + "`, seed " + seed + "\n");
        for (FaultCampaign.Result r : results) {
            FaultCampaign.Plan p = r.plan();
            Upstream.Tally tally = r.tally();
            t.append("\n## ").append(p.name()).append(": ").append(p.brokers()).append(" Kafka node(s), ")
                    .append(p.instances()).append(" instance(s) of each service, ").append(p.clients())
                    .append(" clients, ").append(r.took().toSeconds()).append(" s\n\n");
            t.append("| commands sent | accepted | refused | retried sends | operations | faults |\n|---:|---:|---:|---:|---:|---:|\n")
                    .append("| ").append(tally.sent).append(" | ").append(tally.accepted).append(" | ")
                    .append(tally.rejected).append(" | ").append(tally.retries).append(" | ").append(r.operations())
                    .append(" | ").append(r.faults().size()).append(" |\n\n");
            t.append("Refused: ").append(sorted(tally.rejectedByCode)).append(". Retried because: ")
                    .append(sorted(tally.retriedBecause)).append(".\n\n");
            t.append("| # | fault | target | back after (ms) | serving end to end after (ms) |\n|---:|---|---|---:|---:|\n");
            int n = 0;
            for (Fault f : r.faults()) {
                t.append("| ").append(++n).append(" | ").append(f.kind()).append(" | ").append(f.target()).append(" | ")
                        .append(f.downMillis() == 0 ? "stays down" : Long.toString(f.downMillis())).append(" | ")
                        .append(f.recoveryMillis()).append(" |\n");
            }
            t.append('\n');
            r.lines().forEach(line -> t.append("- ").append(line).append('\n'));
            t.append(r.failures().isEmpty() ? "\n**Passed.**\n" : "\n**Failed:**\n");
            r.failures().forEach(f -> t.append("- ").append(f).append('\n'));
        }
        return t.toString();
    }

    private static Map<String, Long> sorted(Map<String, AtomicLong> counts) {
        Map<String, Long> sorted = new TreeMap<>();
        counts.forEach((k, v) -> sorted.put(k, v.get()));
        return sorted;
    }
}
