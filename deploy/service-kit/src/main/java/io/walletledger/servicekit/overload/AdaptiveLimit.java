package io.walletledger.servicekit.overload;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How many requests may run at once, adapted to how long they take (additive increase,
 * multiplicative decrease, as TCP's congestion window). A request that held its slot longer than the
 * latency target cuts the limit to {@link #DECREASE} of itself, at most once per target interval (the
 * requests admitted under the old limit finish slow too, they are one signal, not many); a request
 * within the target while the limit is in use raises it by 1 / limit, so by about one slot per limit's
 * worth of fast requests, up to the configured maximum. When an instance gets slower (a starved CPU, a
 * slow database, contention) it admits fewer requests, so those it admits finish within about the
 * target instead of waiting behind a fixed number of others (Little's law: time = in flight ÷ rate);
 * the rest are shed at once. A target of zero keeps the limit fixed at the maximum.
 */
final class AdaptiveLimit {

    static final double DECREASE = 0.75;

    private final int min;
    private final int max;
    private final long targetNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition freed = lock.newCondition();
    private double limit;
    private int inFlight;
    private long lastDecrease;
    private boolean decreased;

    AdaptiveLimit(int min, int max, long targetNanos) {
        if (max < 1 || min < 1 || min > max || targetNanos < 0) {
            throw new IllegalArgumentException("need 1 <= min (" + min + ") <= max (" + max + ") and a target >= 0");
        }
        this.min = min;
        this.max = max;
        this.targetNanos = targetNanos;
        this.limit = max;
    }

    /** Takes a slot if one is free within {@code waitNanos}; false means shed. */
    boolean tryAcquire(long waitNanos) throws InterruptedException {
        lock.lock();
        try {
            long remaining = waitNanos;
            while (inFlight >= (int) limit) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = freed.awaitNanos(remaining);
            }
            inFlight++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Gives a slot back: {@code heldNanos} is how long its request took, {@code nowNanos} a {@link System#nanoTime()}. */
    void release(long heldNanos, long nowNanos) {
        lock.lock();
        try {
            inFlight--;
            if (targetNanos > 0) {
                adapt(heldNanos, nowNanos);
            }
            freed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void adapt(long heldNanos, long nowNanos) {
        if (heldNanos > targetNanos) {
            if (!decreased || nowNanos - lastDecrease >= targetNanos) {
                limit = Math.max(min, limit * DECREASE);
                lastDecrease = nowNanos;
                decreased = true;
            }
        } else if ((inFlight + 1) * 2 >= (int) limit) {
            // only while the limit is in use: idle slots say nothing about whether more would be fast
            limit = Math.min(max, limit + 1.0 / limit);
        }
    }

    int limit() {
        lock.lock();
        try {
            return (int) limit;
        } finally {
            lock.unlock();
        }
    }

    int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }
}
