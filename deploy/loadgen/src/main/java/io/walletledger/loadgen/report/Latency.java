package io.walletledger.loadgen.report;

import org.HdrHistogram.Histogram;

/** Percentiles of a histogram of microseconds, in milliseconds; null when nothing was recorded. */
public record Latency(long count, Double p50Ms, Double p99Ms, Double p999Ms, Double maxMs) {

    public static Latency of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return new Latency(0, null, null, null, null);
        }
        return new Latency(micros.getTotalCount(), ms(micros.getValueAtPercentile(50)),
                ms(micros.getValueAtPercentile(99)), ms(micros.getValueAtPercentile(99.9)), ms(micros.getMaxValue()));
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
