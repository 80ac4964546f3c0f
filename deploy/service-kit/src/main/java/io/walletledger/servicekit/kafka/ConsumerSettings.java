package io.walletledger.servicekit.kafka;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** {@code ledger.consumers.*}: how the service's event consumers batch, and when they count as stalled. */
@ConfigurationProperties("ledger.consumers")
public class ConsumerSettings {

    private int maxPollRecords = 1000;
    /** Health turns DOWN when a consumer has lag but has committed nothing for this long. */
    private Duration stallAfter = Duration.ofSeconds(60);
    /**
     * How long the group waits for a silent member before handing its partitions to the others
     * (Kafka's {@code session.timeout.ms}; heartbeats every third of it). Kafka's default of 45 s
     * is how long the events of a killed instance's partitions would wait, and a restarted
     * instance's rejoin with them.
     */
    private Duration sessionTimeout = Duration.ofSeconds(10);
    /** Fault injection for crash tests: halt the JVM after applying this many events, before their commit (0 = off). */
    private long haltAfterEvents;

    public int getMaxPollRecords() {
        return maxPollRecords;
    }

    public void setMaxPollRecords(int maxPollRecords) {
        this.maxPollRecords = maxPollRecords;
    }

    public Duration getStallAfter() {
        return stallAfter;
    }

    public void setStallAfter(Duration stallAfter) {
        this.stallAfter = stallAfter;
    }

    public Duration getSessionTimeout() {
        return sessionTimeout;
    }

    public void setSessionTimeout(Duration sessionTimeout) {
        this.sessionTimeout = sessionTimeout;
    }

    /** The consumer settings of group membership that follow from {@link #getSessionTimeout()}. */
    public java.util.Map<String, Object> membership() {
        long timeout = sessionTimeout.toMillis();
        return java.util.Map.of(org.apache.kafka.clients.consumer.ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) timeout,
                org.apache.kafka.clients.consumer.ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.max(1, timeout / 3));
    }

    public long getHaltAfterEvents() {
        return haltAfterEvents;
    }

    public void setHaltAfterEvents(long haltAfterEvents) {
        this.haltAfterEvents = haltAfterEvents;
    }
}
