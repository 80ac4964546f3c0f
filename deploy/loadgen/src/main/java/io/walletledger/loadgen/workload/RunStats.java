package io.walletledger.loadgen.workload;

import io.walletledger.loadgen.observe.ProjectionLagProbe;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one run measured, recorded from many threads: latencies in microseconds (of every command, and of the
 * accepted ones alone), counts of accepted and rejected commands (by problem code), completed operations, and the projection lag samples.
 */
public final class RunStats implements ProjectionLagProbe.LagSink {

    /** Up to an hour, 3 significant digits. */
    private static final long HIGHEST_MICROS = 3_600_000_000L;

    private final ConcurrentHistogram commandLatency = histogram();
    private final ConcurrentHistogram acceptedLatency = histogram();
    private final Map<String, ConcurrentHistogram> latencyByCommand = new ConcurrentHashMap<>();
    private final ConcurrentHistogram paymentLatency = histogram();
    private final ConcurrentHistogram projectionLag = histogram();
    private final LongAdder lagNotApplied = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();
    private final LongAdder payments = new LongAdder();
    private final LongAdder transfers = new LongAdder();
    private final LongAdder refunds = new LongAdder();
    private final LongAdder sendsDelayed = new LongAdder();
    private final AtomicLong lastCompletionNanos = new AtomicLong();
    private final Queue<String> webhookPayments = new ConcurrentLinkedQueue<>();

    private static ConcurrentHistogram histogram() {
        return new ConcurrentHistogram(HIGHEST_MICROS, 3);
    }

    void command(String type, long latencyNanos, boolean wasAccepted, String problemCode) {
        long micros = Math.min(Math.max(latencyNanos / 1000, 0), HIGHEST_MICROS);
        commandLatency.recordValue(micros);
        latencyByCommand.computeIfAbsent(type, t -> histogram()).recordValue(micros);
        if (wasAccepted) {
            acceptedLatency.recordValue(micros);
            accepted.increment();
        } else {
            rejected.computeIfAbsent(problemCode, c -> new LongAdder()).increment();
        }
        lastCompletionNanos.accumulateAndGet(System.nanoTime(), Math::max);
    }

    void paymentCompleted(long latencyNanos, String paymentId, boolean toWebhookMerchant) {
        paymentLatency.recordValue(Math.min(Math.max(latencyNanos / 1000, 0), HIGHEST_MICROS));
        payments.increment();
        if (toWebhookMerchant) {
            webhookPayments.add(paymentId);
        }
    }

    void transferCompleted() {
        transfers.increment();
    }

    void refundCompleted() {
        refunds.increment();
    }

    void sendDelayed() {
        sendsDelayed.increment();
    }

    @Override
    public void applied(long lagNanos) {
        projectionLag.recordValue(Math.min(lagNanos / 1000, HIGHEST_MICROS));
    }

    @Override
    public void notApplied() {
        lagNotApplied.increment();
    }

    public Histogram commandLatency() {
        return commandLatency;
    }

    /** The latency of the accepted commands only (a shed or refused command's quick answer left out). */
    public Histogram acceptedLatency() {
        return acceptedLatency;
    }

    public Map<String, Histogram> latencyByCommand() {
        return new TreeMap<>(latencyByCommand);
    }

    public Histogram paymentLatency() {
        return paymentLatency;
    }

    public Histogram projectionLag() {
        return projectionLag;
    }

    public long lagNotApplied() {
        return lagNotApplied.sum();
    }

    public long accepted() {
        return accepted.sum();
    }

    public Map<String, Long> rejectedByCode() {
        Map<String, Long> counts = new TreeMap<>();
        rejected.forEach((code, n) -> counts.put(code, n.sum()));
        return counts;
    }

    public long payments() {
        return payments.sum();
    }

    public long transfers() {
        return transfers.sum();
    }

    public long refunds() {
        return refunds.sum();
    }

    public long sendsDelayed() {
        return sendsDelayed.sum();
    }

    public long lastCompletionNanos() {
        return lastCompletionNanos.get();
    }

    public Queue<String> webhookPayments() {
        return webhookPayments;
    }
}
