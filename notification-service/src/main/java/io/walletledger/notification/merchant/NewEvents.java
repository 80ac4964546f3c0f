package io.walletledger.notification.merchant;

import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes whoever waits for newly committed merchant events or finished deliveries (the dispatcher, live
 * streams) instead of letting them poll: a generation number that only grows.
 */
@Singleton
public class NewEvents {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long generation;

    public void announce() {
        lock.lock();
        try {
            generation++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public long generation() {
        lock.lock();
        try {
            return generation;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the generation moves past {@code seen} or the time is up; returns the generation then. */
    public long awaitAfter(long seen, Duration atMost) throws InterruptedException {
        long remaining = atMost.toNanos();
        lock.lock();
        try {
            while (generation == seen && remaining > 0) {
                remaining = changed.awaitNanos(remaining);
            }
            return generation;
        } finally {
            lock.unlock();
        }
    }
}
