package io.walletledger.loadgen.workload;

import io.walletledger.loadgen.command.CommandTransport;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a workload for a warm-up and a measured period. Open loop: operations start on a fixed schedule, each on a
 * virtual thread, whatever the stack's speed (up to a cap of operations in flight; when the cap holds a start
 * back, the delay still counts in its latency). Closed loop: a fixed number of workers, each starting its next
 * operation when the last one ended. Only operations that start in the measured period are recorded.
 */
public final class LoadDriver {

    private final Workload workload;
    private final int maxInFlight;

    public LoadDriver(Workload workload, int maxInFlight) {
        this.workload = workload;
        this.maxInFlight = maxInFlight;
    }

    /** The measured period's bounds, in System.nanoTime(). */
    public record Window(long startNanos, long endNanos) {
    }

    public Window run(RunSpec spec, CommandTransport transport, RunStats stats, Duration warmup, Duration duration,
                      Runnable atMeasuredStart) throws InterruptedException {
        RunStats unrecorded = new RunStats();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
        long measuredStart = start + warmup.toNanos();
        long end = measuredStart + duration.toNanos();
        Thread marker = Thread.ofVirtual().start(() -> {
            LockSupport.parkNanos(measuredStart - System.nanoTime());
            atMeasuredStart.run();
        });
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            if (spec.closedLoop()) {
                for (int i = 0; i < spec.concurrency(); i++) {
                    threads.execute(() -> {
                        long now;
                        while ((now = System.nanoTime()) < end) {
                            workload.runOne(spec.scenario(), transport, now < measuredStart ? unrecorded : stats, now);
                        }
                    });
                }
            } else {
                openLoop(spec, transport, stats, unrecorded, threads, start, measuredStart, end);
            }
        } // closing waits for every operation still in flight
        marker.join();
        return new Window(measuredStart, end);
    }

    private void openLoop(RunSpec spec, CommandTransport transport, RunStats stats, RunStats unrecorded,
                          ExecutorService threads, long start, long measuredStart, long end)
            throws InterruptedException {
        double operationsPerSecond = spec.paymentsPerSecond() / workload.paymentShare(spec.scenario());
        double intervalNanos = 1e9 / operationsPerSecond;
        Semaphore inFlight = new Semaphore(maxInFlight);
        for (long i = 0; ; i++) {
            long intended = start + (long) (i * intervalNanos);
            if (intended >= end) {
                break;
            }
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            RunStats into = intended < measuredStart ? unrecorded : stats;
            if (!inFlight.tryAcquire()) {
                into.sendDelayed();
                inFlight.acquire();
            }
            threads.execute(() -> {
                try {
                    workload.runOne(spec.scenario(), transport, into, intended);
                } finally {
                    inFlight.release();
                }
            });
        }
    }
}
