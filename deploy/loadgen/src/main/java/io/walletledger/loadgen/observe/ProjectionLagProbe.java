package io.walletledger.loadgen.observe;

import io.walletledger.loadgen.command.ApiKeys;
import io.walletledger.loadgen.command.LedgerHttp;
import io.walletledger.loadgen.command.Outcome;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Projection lag of a sample of accepted commands: from the command's response until projection-service's
 * account view, asked with the command's consistency token (read your writes, docs/api.md), answers
 * {@code Consistency: applied}. A {@code stale} answer (its 5-second wait ran out) is counted apart.
 */
public final class ProjectionLagProbe implements AutoCloseable {

    /** At most this many probes wait at once, so that the probes never become a load of their own. */
    private static final int MAX_WAITING = 256;

    private final LedgerHttp http;
    private final String projectionUrl;
    private final ApiKeys keys;
    private final double sampleRate;
    private final Semaphore waiting = new Semaphore(MAX_WAITING);
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    public ProjectionLagProbe(LedgerHttp http, String projectionUrl, ApiKeys keys, double sampleRate) {
        this.http = http;
        this.projectionUrl = projectionUrl;
        this.keys = keys;
        this.sampleRate = sampleRate;
    }

    /** Perhaps (at the sample rate) probes the first account named in the outcome's consistency token. */
    public void maybeProbe(Outcome outcome, long respondedNanos, LagSink sink) {
        if (sampleRate <= 0 || ThreadLocalRandom.current().nextDouble() >= sampleRate) {
            return;
        }
        String token = outcome.consistencyToken();
        String account = token == null ? null : firstAccount(token);
        if (account == null || !waiting.tryAcquire()) {
            return;
        }
        threads.execute(() -> {
            try {
                LedgerHttp.Reply reply = http.get(projectionUrl + "/v1/accounts/" + account, keys.nextBearer(), token);
                long lagNanos = System.nanoTime() - respondedNanos;
                if (reply.status() == 200 && "applied".equals(reply.consistency())) {
                    sink.applied(lagNanos);
                } else {
                    sink.notApplied();
                }
            } catch (Exception e) {
                sink.notApplied();
            } finally {
                waiting.release();
            }
        });
    }

    static String firstAccount(String token) {
        for (String entry : token.split(",")) {
            int at = entry.indexOf('@');
            if (entry.startsWith("acc_") && at > 0) {
                return entry.substring(0, at);
            }
        }
        return null;
    }

    /** Waits for the probes in flight (each waits 5 s at most on projection-service). */
    public void awaitIdle(Duration timeout) throws InterruptedException {
        if (waiting.tryAcquire(MAX_WAITING, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            waiting.release(MAX_WAITING);
        }
    }

    /** Where a probe's outcome goes. */
    public interface LagSink {
        void applied(long lagNanos);

        void notApplied();
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
