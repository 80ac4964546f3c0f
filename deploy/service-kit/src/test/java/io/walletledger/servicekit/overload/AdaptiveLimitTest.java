package io.walletledger.servicekit.overload;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdaptiveLimitTest {

    private static final long TARGET = Duration.ofMillis(500).toNanos();
    private static final long FAST = Duration.ofMillis(20).toNanos();
    private static final long SLOW = Duration.ofSeconds(2).toNanos();

    @Test
    void admits_up_to_the_limit_and_sheds_the_next_one_when_no_slot_frees_within_the_wait() throws Exception {
        AdaptiveLimit limit = new AdaptiveLimit(1, 3, TARGET);
        for (int i = 0; i < 3; i++) {
            assertThat(limit.tryAcquire(0)).isTrue();
        }
        assertThat(limit.tryAcquire(Duration.ofMillis(20).toNanos())).as("a fourth at a limit of 3").isFalse();
        assertThat(limit.inFlight()).isEqualTo(3);
    }

    @Test
    void a_waiting_request_takes_the_slot_another_one_gives_back() throws Exception {
        AdaptiveLimit limit = new AdaptiveLimit(1, 1, 0);
        assertThat(limit.tryAcquire(0)).isTrue();
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicBoolean admitted = new AtomicBoolean();
        Thread waiter = Thread.ofVirtual().start(() -> {
            waiting.countDown();
            try {
                admitted.set(limit.tryAcquire(TimeUnit.SECONDS.toNanos(30)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiting.await();
        limit.release(FAST, System.nanoTime());
        waiter.join(Duration.ofSeconds(30));
        assertThat(admitted).isTrue();
        assertThat(limit.inFlight()).isEqualTo(1);
    }

    @Test
    void slow_requests_cut_the_limit_once_per_target_interval_down_to_the_minimum() throws Exception {
        AdaptiveLimit limit = new AdaptiveLimit(4, 64, TARGET);
        fill(limit, 64);
        long now = 0;
        // 64 slow answers within one target interval: one signal, one cut
        for (int i = 0; i < 64; i++) {
            limit.release(SLOW, now + i);
        }
        assertThat(limit.limit()).isEqualTo((int) (64 * AdaptiveLimit.DECREASE));
        for (int interval = 1; interval <= 20; interval++) {
            now += TARGET;
            fill(limit, limit.limit());
            limit.release(SLOW, now);
            drain(limit, now);
        }
        assertThat(limit.limit()).as("never below min-in-flight").isEqualTo(4);
    }

    @Test
    void fast_requests_raise_the_limit_while_it_is_in_use_but_not_above_the_maximum() throws Exception {
        AdaptiveLimit limit = new AdaptiveLimit(4, 16, TARGET);
        fill(limit, 16);
        limit.release(SLOW, 0);
        drain(limit, 0);
        assertThat(limit.limit()).isEqualTo(12);
        for (int round = 0; round < 500; round++) {
            int slots = limit.limit();
            fill(limit, slots);
            for (int i = 0; i < slots; i++) {
                limit.release(FAST, 1);
            }
        }
        assertThat(limit.limit()).isEqualTo(16);
    }

    @Test
    void idle_slots_do_not_raise_the_limit() throws Exception {
        AdaptiveLimit limit = new AdaptiveLimit(4, 64, TARGET);
        fill(limit, 64);
        limit.release(SLOW, 0);
        drain(limit, 0);
        int cut = limit.limit();
        for (int i = 0; i < 1_000; i++) { // one request at a time, fast: says nothing about 48 at once
            assertThat(limit.tryAcquire(0)).isTrue();
            limit.release(FAST, 1);
        }
        assertThat(limit.limit()).isEqualTo(cut);
    }

    @Test
    void without_a_target_the_limit_stays_at_the_maximum() throws Exception {
        AdaptiveLimit limit = new AdaptiveLimit(1, 8, 0);
        fill(limit, 8);
        for (int i = 0; i < 8; i++) {
            limit.release(SLOW, i * SLOW);
        }
        assertThat(limit.limit()).isEqualTo(8);
    }

    @Test
    void refuses_bounds_that_make_no_sense() {
        assertThatThrownBy(() -> new AdaptiveLimit(0, 8, TARGET)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AdaptiveLimit(9, 8, TARGET)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AdaptiveLimit(1, 8, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void fill(AdaptiveLimit limit, int upTo) throws InterruptedException {
        while (limit.inFlight() < upTo) {
            assertThat(limit.tryAcquire(0)).isTrue();
        }
    }

    /** Gives back every slot, slow, in the interval of the cut just made: the same signal, so no second cut. */
    private static void drain(AdaptiveLimit limit, long now) {
        while (limit.inFlight() > 0) {
            limit.release(SLOW, now);
        }
    }
}
