package io.walletledger.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a delivery is attempted: {@code delays[0]} after it is created (the first attempt), then
 * {@code delays[n]} after its n-th failure, each stretched by up to {@code jitter} of itself so that a
 * receiver coming back up is not hit by every retry at once; after the last, the delivery is dead.
 */
record RetrySchedule(List<Duration> delays, double jitter) {

    RetrySchedule {
        if (delays.isEmpty()) {
            throw new IllegalArgumentException("ledger.webhooks.retry-schedule needs at least one entry");
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("ledger.webhooks.retry-jitter must be between 0 and 1");
        }
        delays = List.copyOf(delays);
    }

    Instant first(Instant created) {
        return created.plus(delays.get(0));
    }

    /** After {@code failedAttempts} failures: when to try again, or empty when the delivery is dead. */
    Optional<Instant> next(int failedAttempts, Instant now, DoubleSupplier random) {
        if (failedAttempts >= delays.size()) {
            return Optional.empty();
        }
        Duration delay = delays.get(failedAttempts);
        long stretch = (long) (delay.toMillis() * jitter * random.getAsDouble());
        return Optional.of(now.plus(delay).plusMillis(stretch));
    }
}
