package io.walletledger.command.payment;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** {@code ledger.payments.*}: expiry of requests and holds, and the default merchant fee. */
@ConfigurationProperties("ledger.payments")
public class PaymentSettings {

    private Duration holdExpiry = Duration.ofDays(7);
    private Duration defaultRequestExpiry = Duration.ofMinutes(30);
    private Duration maxRequestExpiry = Duration.ofDays(30);
    private int defaultFeeBasisPoints = 290;
    private long defaultFeeFixedMinorUnits = 30;

    public Duration getHoldExpiry() {
        return holdExpiry;
    }

    public void setHoldExpiry(Duration holdExpiry) {
        this.holdExpiry = holdExpiry;
    }

    public Duration getDefaultRequestExpiry() {
        return defaultRequestExpiry;
    }

    public void setDefaultRequestExpiry(Duration defaultRequestExpiry) {
        this.defaultRequestExpiry = defaultRequestExpiry;
    }

    public Duration getMaxRequestExpiry() {
        return maxRequestExpiry;
    }

    public void setMaxRequestExpiry(Duration maxRequestExpiry) {
        this.maxRequestExpiry = maxRequestExpiry;
    }

    public int getDefaultFeeBasisPoints() {
        return defaultFeeBasisPoints;
    }

    public void setDefaultFeeBasisPoints(int defaultFeeBasisPoints) {
        this.defaultFeeBasisPoints = defaultFeeBasisPoints;
    }

    public long getDefaultFeeFixedMinorUnits() {
        return defaultFeeFixedMinorUnits;
    }

    public void setDefaultFeeFixedMinorUnits(long defaultFeeFixedMinorUnits) {
        this.defaultFeeFixedMinorUnits = defaultFeeFixedMinorUnits;
    }
}
