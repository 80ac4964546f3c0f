package io.walletledger.projection.merchantsales;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Totals, buckets (every bucket of the period, empty ones included) and the breakdown by payment method. */
public record SalesReport(String merchantAccountId, String currency, Instant from, Instant to, Granularity granularity,
                          String timeZone, SalesFigures totals, List<Bucket> buckets,
                          Map<String, SalesFigures> byPaymentMethod) {

    public enum Granularity { HOUR, DAY }

    /** One bucket; {@code label} is its start in the requested time zone. */
    public record Bucket(Instant start, Instant end, String label, SalesFigures figures) {
    }
}
