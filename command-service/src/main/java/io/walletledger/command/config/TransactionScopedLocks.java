package io.walletledger.command.config;

import org.axonframework.modelling.command.ConcurrencyException;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * In-process locks by key (an aggregate id) held until the thread's outermost database transaction
 * ends. Keys share a fixed number of stripes (bounded memory); several keys are taken in stripe order,
 * and a lock not obtained within the timeout is reported as a lost optimistic race
 * ({@link ConcurrencyException}), which every caller already retries: a wait never becomes a deadlock.
 * They guard one process only; other instances on the same database still meet at its unique keys.
 */
public final class TransactionScopedLocks {

    private static final int STRIPES = 4096;

    private final JdbcTransactionManager transactions;
    private final long timeoutMs;
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
    private final ThreadLocal<Set<Integer>> held = ThreadLocal.withInitial(HashSet::new);

    public TransactionScopedLocks(JdbcTransactionManager transactions, long timeoutMs) {
        this.transactions = transactions;
        this.timeoutMs = timeoutMs;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** Locks every key until the outermost transaction bound to this thread ends. */
    public void lockUntilTransactionEnds(Collection<String> keys) {
        if (!transactions.inTransaction()) {
            throw new IllegalStateException("transaction-scoped locks need a transaction bound to the thread");
        }
        Set<Integer> mine = held.get();
        TreeSet<Integer> wanted = new TreeSet<>();
        for (String key : keys) {
            int stripe = Math.floorMod(key.hashCode(), STRIPES);
            if (!mine.contains(stripe)) {
                wanted.add(stripe);
            }
        }
        for (int stripe : wanted) {
            acquire(stripe, mine);
        }
    }

    private void acquire(int stripe, Set<Integer> mine) {
        boolean locked;
        try {
            locked = stripes[stripe].tryLock(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a lock", e);
        }
        if (!locked) {
            throw new ConcurrencyException("an aggregate is being changed by another transaction; retried");
        }
        if (mine.isEmpty()) {
            transactions.whenOutermostEnds(this::releaseAll);
        }
        mine.add(stripe);
    }

    private void releaseAll() {
        Set<Integer> mine = held.get();
        for (int stripe : mine) {
            stripes[stripe].unlock();
        }
        mine.clear();
    }

    /** How many stripes this thread holds: for tests. */
    public int heldByThisThread() {
        return held.get().size();
    }
}
