package io.walletledger.projection.merchantsales;

import io.walletledger.projection.merchantsales.SalesReport.Bucket;
import io.walletledger.projection.merchantsales.SalesReport.Granularity;
import io.walletledger.servicekit.http.ProblemException;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sums a merchant's sales facts into buckets of the caller's time zone (so a day is a local day,
 * DST included). Facts are summed at query time: any zone and granularity, no pre-aggregation to
 * keep consistent.
 */
@Singleton
public class SalesQuery {

    static final int MAX_BUCKETS = 2_000;
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final DataSource dataSource;

    public SalesQuery(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public SalesReport report(String merchantAccountId, String currency, Instant from, Instant to,
                              Granularity granularity, ZoneId zone) {
        if (!from.isBefore(to)) {
            throw ProblemException.validation("from: must be before to (to is exclusive)");
        }
        List<Instant> starts = bucketStarts(from, to, granularity, zone);
        List<SalesTally> tallies = new ArrayList<>();
        starts.forEach(s -> tallies.add(new SalesTally()));
        SalesTally total = new SalesTally();
        Map<String, SalesTally> byMethod = new TreeMap<>();
        List<SalesEntry> entries = entries(merchantAccountId, from, to);
        String shown = currency != null || entries.isEmpty() ? currency : entries.get(0).currency();
        for (SalesEntry entry : entries) {
            int index = Collections.binarySearch(starts, entry.occurredAt());
            tallies.get(index >= 0 ? index : -index - 2).add(entry);
            total.add(entry);
            byMethod.computeIfAbsent(entry.method() == null ? "UNKNOWN" : entry.method(), m -> new SalesTally()).add(entry);
        }
        List<Bucket> buckets = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            Instant end = i + 1 < starts.size() ? starts.get(i + 1) : to;
            buckets.add(new Bucket(starts.get(i), end, LABEL.format(starts.get(i).atZone(zone)),
                    tallies.get(i).figures(shown)));
        }
        Map<String, SalesFigures> methods = new TreeMap<>();
        byMethod.forEach((method, tally) -> methods.put(method, tally.figures(shown)));
        return new SalesReport(merchantAccountId, shown, from, to, granularity, zone.getId(), total.figures(shown),
                buckets, methods);
    }

    /** The first bucket starts at {@code from}; the others on the zone's hour or day boundaries. */
    static List<Instant> bucketStarts(Instant from, Instant to, Granularity granularity, ZoneId zone) {
        List<Instant> starts = new ArrayList<>();
        starts.add(from);
        ZonedDateTime local = from.atZone(zone);
        ZonedDateTime boundary = granularity == Granularity.HOUR
                ? local.truncatedTo(ChronoUnit.HOURS)
                : local.toLocalDate().atStartOfDay(zone);
        while (true) {
            boundary = granularity == Granularity.HOUR ? boundary.plusHours(1) : boundary.toLocalDate().plusDays(1).atStartOfDay(zone);
            if (!boundary.toInstant().isBefore(to)) {
                return starts;
            }
            if (boundary.toInstant().isAfter(starts.get(starts.size() - 1))) {
                starts.add(boundary.toInstant());
            }
            if (starts.size() > MAX_BUCKETS) {
                throw ProblemException.validation("from/to: more than " + MAX_BUCKETS + " " + granularity
                        + " buckets; choose a shorter period or DAY");
            }
        }
    }

    private List<SalesEntry> entries(String merchantAccountId, Instant from, Instant to) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("""
                     SELECT e.kind, e.amount, e.currency, e.occurred_at, e.payment_id, p.payer_key, p.method
                     FROM sales_entry e LEFT JOIN sales_payment p ON p.payment_id = e.payment_id
                     WHERE e.merchant_account_id = ? AND e.occurred_at >= ? AND e.occurred_at < ?
                     ORDER BY e.occurred_at""")) {
            select.setString(1, merchantAccountId);
            select.setTimestamp(2, Timestamp.from(from));
            select.setTimestamp(3, Timestamp.from(to));
            select.setFetchSize(1000);
            List<SalesEntry> entries = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    entries.add(new SalesEntry(SalesEntry.Kind.valueOf(rs.getString(1)), rs.getLong(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read sales of " + merchantAccountId, e);
        }
    }
}
