package io.walletledger.notification.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryScheduleTest {

    private static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");
    private static final RetrySchedule DEFAULT = new RetrySchedule(List.of(Duration.ZERO, Duration.ofSeconds(5),
            Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5),
            Duration.ofHours(10), Duration.ofHours(10)), 0.2);

    @Test
    void the_first_attempt_is_immediate_then_each_failure_waits_its_delay_and_the_eighth_failure_is_final() {
        assertThat(DEFAULT.first(NOW)).isEqualTo(NOW);
        assertThat(DEFAULT.next(1, NOW, () -> 0)).contains(NOW.plusSeconds(5));
        assertThat(DEFAULT.next(2, NOW, () -> 0)).contains(NOW.plus(Duration.ofMinutes(5)));
        assertThat(DEFAULT.next(7, NOW, () -> 0)).contains(NOW.plus(Duration.ofHours(10)));
        assertThat(DEFAULT.next(8, NOW, () -> 0)).isEmpty();
        assertThat(DEFAULT.next(9, NOW, () -> 0)).isEmpty();
    }

    @Test
    void jitter_only_ever_delays_and_by_at_most_its_fraction() {
        assertThat(DEFAULT.next(3, NOW, () -> 0.999_999).orElseThrow())
                .isAfter(NOW.plus(Duration.ofMinutes(30)))
                .isBeforeOrEqualTo(NOW.plus(Duration.ofMinutes(36)));
        assertThat(DEFAULT.next(3, NOW, () -> 0.5)).contains(NOW.plus(Duration.ofMinutes(33)));
    }

    @Test
    void a_schedule_needs_an_attempt_and_a_sane_jitter() {
        assertThatThrownBy(() -> new RetrySchedule(List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(List.of(Duration.ZERO), 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
