package io.walletledger.servicekit.kafka;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** {@code ledger.consumers.*}: how the service's event consumers batch, and when they count as stalled. */
@ConfigurationProperties("ledger.consumers")
public class ConsumerSettings {

    private int maxPollRecords = 1000;
    /** Health turns DOWN when a consumer has lag but has committed nothing for this long. */
    private Duration stallAfter = Duration.ofSeconds(60);
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

    public long getHaltAfterEvents() {
        return haltAfterEvents;
    }

    public void setHaltAfterEvents(long haltAfterEvents) {
        this.haltAfterEvents = haltAfterEvents;
    }
}
