package io.walletledger.command.config;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.modelling.command.ConcurrencyException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Locks held for a whole transaction: what keeps writers of one aggregate from racing (ADR 0021). */
class TransactionScopedLocksTest {

    private final JdbcTransactionManager transactions = new JdbcTransactionManager(h2());

    @Test
    void a_lock_is_held_until_the_outermost_transaction_ends_not_until_a_nested_one_does() throws Exception {
        TransactionScopedLocks locks = new TransactionScopedLocks(transactions, 10_000);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> {
            Transaction outer = transactions.startTransaction();
            Transaction nested = transactions.startTransaction();
            locks.lockUntilTransactionEnds(List.of("merchant-1"));
            nested.commit();
            locked.countDown();
            await(release);
            outer.commit();
        });
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Integer> waiter = CompletableFuture.supplyAsync(() -> {
            Transaction tx = transactions.startTransaction();
            locks.lockUntilTransactionEnds(List.of("merchant-1"));
            int held = locks.heldByThisThread();
            tx.rollback();
            return held;
        });
        assertThat(waiter).isNotDone();
        release.countDown();
        assertThat(waiter.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        holder.get(10, TimeUnit.SECONDS);
        assertThat(locks.heldByThisThread()).isZero();
    }

    @Test
    void a_lock_not_obtained_in_time_is_a_lost_race_which_callers_retry() throws Exception {
        TransactionScopedLocks locks = new TransactionScopedLocks(transactions, 50);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> {
            Transaction tx = transactions.startTransaction();
            locks.lockUntilTransactionEnds(List.of("account-1", "account-2"));
            locked.countDown();
            await(release);
            tx.rollback();
        });
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        Transaction tx = transactions.startTransaction();
        try {
            assertThatThrownBy(() -> locks.lockUntilTransactionEnds(List.of("account-2")))
                    .isInstanceOf(ConcurrencyException.class);
        } finally {
            tx.rollback();
            release.countDown();
        }
        holder.get(10, TimeUnit.SECONDS);
    }

    @Test
    void locking_outside_a_transaction_is_refused() {
        TransactionScopedLocks locks = new TransactionScopedLocks(transactions, 50);
        assertThatThrownBy(() -> locks.lockUntilTransactionEnds(List.of("account-1")))
                .isInstanceOf(IllegalStateException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JdbcDataSource h2() {
        JdbcDataSource data = new JdbcDataSource();
        data.setURL("jdbc:h2:mem:locks-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        data.setUser("sa");
        return data;
    }
}
