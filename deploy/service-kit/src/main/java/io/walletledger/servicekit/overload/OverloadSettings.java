package io.walletledger.servicekit.overload;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code ledger.overload.*}: how many API requests an instance works on at once, and how long one more
 * may wait for a slot before it is shed with 503. A max-in-flight of 0 turns the limit off. With a
 * latency target above zero the limit adapts between min-in-flight and max-in-flight so that requests
 * take about the target; zero keeps it at max-in-flight.
 */
@ConfigurationProperties("ledger.overload")
public class OverloadSettings {

    private int maxInFlight = 0;
    private Duration maxWait = Duration.ofMillis(100);
    private int retryAfterSeconds = 1;
    private int minInFlight = 4;
    private Duration latencyTarget = Duration.ZERO;

    public int getMinInFlight() {
        return minInFlight;
    }

    public void setMinInFlight(int minInFlight) {
        this.minInFlight = minInFlight;
    }

    public Duration getLatencyTarget() {
        return latencyTarget;
    }

    public void setLatencyTarget(Duration latencyTarget) {
        this.latencyTarget = latencyTarget;
    }

    public int getMaxInFlight() {
        return maxInFlight;
    }

    public void setMaxInFlight(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    public Duration getMaxWait() {
        return maxWait;
    }

    public void setMaxWait(Duration maxWait) {
        this.maxWait = maxWait;
    }

    public int getRetryAfterSeconds() {
        return retryAfterSeconds;
    }

    public void setRetryAfterSeconds(int retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
    }
}
