package io.walletledger.notification;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code ledger.webhooks.*}: how deliveries are sent, retried, given up and kept. */
@ConfigurationProperties("ledger.webhooks")
public class WebhookSettings {

    /** Delay before each attempt, counted from the previous failure; the first is the first attempt. */
    private List<Duration> retrySchedule = new ArrayList<>(List.of(Duration.ZERO, Duration.ofSeconds(5),
            Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5),
            Duration.ofHours(10), Duration.ofHours(10)));
    /** Each retry delay is stretched by a random fraction up to this (0.2 = up to 20% later). */
    private double retryJitter = 0.2;
    /** Whole-attempt timeout: connect, send, and the response status. */
    private Duration timeout = Duration.ofSeconds(10);
    /** An endpoint whose attempts all failed for this long is disabled. */
    private Duration disableAfter = Duration.ofDays(5);
    /** After a secret rotation the previous secret keeps signing this long. */
    private Duration secretOverlap = Duration.ofHours(24);
    /** How much of a receiver's response body is read (and kept in the delivery log). */
    private int maxResponseBytes = 1024;
    /** Deliveries in flight at once, across all endpoints. */
    private int maxConcurrent = 32;
    /** How often due retries are looked for (new events wake the dispatcher at once). */
    private Duration pollInterval = Duration.ofMillis(250);
    /** Delivered and dead deliveries, and the live stream's events, are kept this long. */
    private Duration retention = Duration.ofDays(30);
    /**
     * Refuse destinations on loopback, link-local, private, shared and multicast addresses (production);
     * {@link #allowedNetworks} lists the exceptions (CIDR blocks), for local runs and tests.
     */
    private boolean blockPrivateNetworks = true;
    /** Endpoint URLs must be https (production); local runs and tests may use http. */
    private boolean requireHttps = true;
    private List<String> allowedNetworks = new ArrayList<>();
    /** Fault injection for crash tests: halt the JVM right after this many outbox commits (0 = off). */
    private int haltAfterOutboxCommits;

    public List<Duration> getRetrySchedule() {
        return retrySchedule;
    }

    public void setRetrySchedule(List<Duration> retrySchedule) {
        this.retrySchedule = retrySchedule;
    }

    public double getRetryJitter() {
        return retryJitter;
    }

    public void setRetryJitter(double retryJitter) {
        this.retryJitter = retryJitter;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public Duration getDisableAfter() {
        return disableAfter;
    }

    public void setDisableAfter(Duration disableAfter) {
        this.disableAfter = disableAfter;
    }

    public Duration getSecretOverlap() {
        return secretOverlap;
    }

    public void setSecretOverlap(Duration secretOverlap) {
        this.secretOverlap = secretOverlap;
    }

    public int getMaxResponseBytes() {
        return maxResponseBytes;
    }

    public void setMaxResponseBytes(int maxResponseBytes) {
        this.maxResponseBytes = maxResponseBytes;
    }

    public int getMaxConcurrent() {
        return maxConcurrent;
    }

    public void setMaxConcurrent(int maxConcurrent) {
        this.maxConcurrent = maxConcurrent;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public Duration getRetention() {
        return retention;
    }

    public void setRetention(Duration retention) {
        this.retention = retention;
    }

    public boolean isBlockPrivateNetworks() {
        return blockPrivateNetworks;
    }

    public void setBlockPrivateNetworks(boolean blockPrivateNetworks) {
        this.blockPrivateNetworks = blockPrivateNetworks;
    }

    public boolean isRequireHttps() {
        return requireHttps;
    }

    public void setRequireHttps(boolean requireHttps) {
        this.requireHttps = requireHttps;
    }

    public List<String> getAllowedNetworks() {
        return allowedNetworks;
    }

    public void setAllowedNetworks(List<String> allowedNetworks) {
        this.allowedNetworks = allowedNetworks;
    }

    public int getHaltAfterOutboxCommits() {
        return haltAfterOutboxCommits;
    }

    public void setHaltAfterOutboxCommits(int haltAfterOutboxCommits) {
        this.haltAfterOutboxCommits = haltAfterOutboxCommits;
    }
}
