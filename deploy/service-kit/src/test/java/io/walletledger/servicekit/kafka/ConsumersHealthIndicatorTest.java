package io.walletledger.servicekit.kafka;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** When a projection counts as stalled (health DOWN) and when it is merely idle or busy. */
class ConsumersHealthIndicatorTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private final ConsumersHealthIndicator health = indicator(Duration.ofSeconds(60));

    private static ConsumersHealthIndicator indicator(Duration stallAfter) {
        ConsumerSettings settings = new ConsumerSettings();
        settings.setStallAfter(stallAfter);
        return new ConsumersHealthIndicator(new ConsumerRegistry(), settings);
    }

    private static ConsumerStatus status(boolean running, long lag, Instant lastCommit, Instant failingSince) {
        return new ConsumerStatus("c", running, Map.of(0, lag), 10, lastCommit, failingSince, null);
    }

    @Test
    void an_idle_consumer_without_lag_is_healthy_however_long_ago_it_committed() {
        assertThat(health.problemOf(status(true, 0, NOW.minusSeconds(3600), null), NOW)).isNull();
    }

    @Test
    void a_consumer_with_lag_that_committed_recently_is_healthy() {
        assertThat(health.problemOf(status(true, 500, NOW.minusSeconds(5), null), NOW)).isNull();
    }

    @Test
    void a_consumer_with_lag_and_no_commit_for_longer_than_stall_after_is_stalled() {
        assertThat(health.problemOf(status(true, 500, NOW.minusSeconds(61), null), NOW)).startsWith("stalled");
    }

    @Test
    void failing_batches_without_a_commit_for_longer_than_stall_after_are_a_stall_even_without_measured_lag() {
        assertThat(health.problemOf(status(true, 0, NOW.minusSeconds(120), NOW.minusSeconds(100)), NOW))
                .startsWith("stalled");
    }

    @Test
    void a_dead_consumer_thread_is_down() {
        assertThat(health.problemOf(status(false, 0, NOW, null), NOW)).isEqualTo("consumer thread stopped");
    }
}
