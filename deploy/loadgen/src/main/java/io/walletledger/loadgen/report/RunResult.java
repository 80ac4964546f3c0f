package io.walletledger.loadgen.report;

import java.util.Map;

/**
 * The figures of one run. Rates are per second of the measured period (from its start to the last response of
 * an operation started in it); CPU is per process over the same period; peak memory is each process's VmHWM;
 * concurrencyRetries is command-service's count of lost optimistic races over the period (null if unreadable);
 * acceptedLatency leaves the rejected commands out (a shed request is answered at once, which would flatter the
 * percentiles of commandLatency); shedRequests is command-service's ledger_http_shed_total over the period (503
 * overloaded, null if unreadable); the machine's 1-minute load average at the end of the run tells how much else ran on it (other tenants).
 */
public record RunResult(
        String label, String scenario, boolean closedLoop, Double offeredPaymentsPerSecond, Integer concurrency,
        double elapsedSeconds, long acceptedCommands, double acceptedCommandsPerSecond, long payments,
        double paymentsPerSecond, long transfers, long refunds, Map<String, Long> rejectedByCode, long sendsDelayed,
        Latency commandLatency, Map<String, Latency> latencyByCommand, Latency paymentLatency,
        Latency projectionLag, long projectionLagNotApplied, Latency webhookLatency, long webhooksExpected,
        long events, double eventsPerSecond, Map<String, Double> cpuSeconds, Map<String, Double> cpuSecondsPer1000Payments,
        Map<String, Double> peakResidentMiB, Long concurrencyRetries, Double loadAverage1m, String flightRecording,
        Latency acceptedLatency, Long shedRequests) {

    public long rejectedTotal() {
        return rejectedByCode.values().stream().mapToLong(Long::longValue).sum();
    }
}
