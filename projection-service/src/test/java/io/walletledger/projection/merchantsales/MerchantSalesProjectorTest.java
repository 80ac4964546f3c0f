package io.walletledger.projection.merchantsales;

import io.walletledger.account.AccountType;
import io.walletledger.projection.History;
import io.walletledger.projection.ProjectorDatabase;
import io.walletledger.projection.merchantsales.SalesReport.Granularity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sales facts per event type and their sums in time-zone buckets (H2, no Kafka). */
class MerchantSalesProjectorTest {

    private static final Instant T = Instant.parse("2026-11-25T22:30:00Z");

    private final ProjectorDatabase db = new ProjectorDatabase();
    private final MerchantSalesProjector projector = new MerchantSalesProjector();
    private final SalesQuery query = new SalesQuery(db.dataSource());

    private SalesReport report(Instant from, Instant to, Granularity granularity, ZoneId zone) {
        return query.report("shop", "EUR", from, to, granularity, zone);
    }

    @Test
    void captures_refunds_and_fees_make_gross_refunds_fees_and_net() throws Exception {
        History h = new History().open("shop", AccountType.MERCHANT, T)
                .walletPayment("p1", "shop", "alice", 2000, 60, T)
                .walletPayment("p2", "shop", "alice", 1000, 30, T.plusSeconds(60))
                .cardPayment("p3", "shop", "card-9", 3001, 90, T.plusSeconds(120))
                .walletRefund("p1", "shop", "alice", 500, 500, false, T.plusSeconds(180));
        db.apply(projector, h.events());

        SalesFigures total = report(T, T.plusSeconds(3600), Granularity.HOUR, ZoneOffset.UTC).totals();
        assertThat(total.gross().amount()).isEqualTo(6001);
        assertThat(total.refunded().amount()).isEqualTo(500);
        assertThat(total.fees().amount()).isEqualTo(180);
        assertThat(total.net().amount()).isEqualTo(6001 - 500 - 180);
        assertThat(total.paymentCount()).isEqualTo(3);
        assertThat(total.refundCount()).isEqualTo(1);
        assertThat(total.uniquePayers()).isEqualTo(2);
        assertThat(total.averageTicket().amount()).isEqualTo(2000);
    }

    @Test
    void the_breakdown_by_payment_method_separates_wallet_and_card() throws Exception {
        db.apply(projector, new History().walletPayment("p1", "shop", "alice", 2000, 60, T)
                .cardPayment("p2", "shop", "card-9", 3000, 90, T).events());
        SalesReport report = report(T, T.plusSeconds(60), Granularity.HOUR, ZoneOffset.UTC);
        assertThat(report.byPaymentMethod().get("WALLET").gross().amount()).isEqualTo(2000);
        assertThat(report.byPaymentMethod().get("CARD").gross().amount()).isEqualTo(3000);
        assertThat(report.byPaymentMethod().get("CARD").fees().amount()).isEqualTo(90);
    }

    @Test
    void days_are_local_days_of_the_requested_time_zone() throws Exception {
        // 23:40 UTC on the 25th is already the 26th in Paris (UTC+1); 22:30 UTC is the 26th in Kolkata (UTC+5:30)
        db.apply(projector, new History().walletPayment("p1", "shop", "alice", 2000, 0, T)
                .walletPayment("p2", "shop", "bob", 700, 0, T.minusSeconds(3 * 3600))
                .walletPayment("p3", "shop", "carol", 300, 0, Instant.parse("2026-11-25T23:40:00Z")).events());
        Instant from = Instant.parse("2026-11-24T00:00:00Z");
        Instant to = Instant.parse("2026-11-28T00:00:00Z");

        SalesReport utc = report(from, to, Granularity.DAY, ZoneOffset.UTC);
        assertThat(utc.buckets()).extracting(b -> b.figures().gross().amount()).containsExactly(0L, 3000L, 0L, 0L);

        ZoneId paris = ZoneId.of("Europe/Paris");
        SalesReport local = report(Instant.parse("2026-11-23T23:00:00Z"), Instant.parse("2026-11-27T23:00:00Z"),
                Granularity.DAY, paris);
        assertThat(local.buckets()).extracting(SalesReport.Bucket::label)
                .containsExactly("2026-11-24T00:00", "2026-11-25T00:00", "2026-11-26T00:00", "2026-11-27T00:00");
        assertThat(local.buckets()).extracting(b -> b.figures().gross().amount()).containsExactly(0L, 2700L, 300L, 0L);

        ZoneId kolkata = ZoneId.of("Asia/Kolkata");
        SalesReport hours = report(Instant.parse("2026-11-25T18:30:00Z"), Instant.parse("2026-11-26T18:30:00Z"),
                Granularity.HOUR, kolkata);
        assertThat(hours.buckets()).hasSize(24);
        assertThat(hours.buckets().get(4).label()).isEqualTo("2026-11-26T04:00");
        assertThat(hours.buckets().get(4).figures().gross().amount()).isEqualTo(2000);
    }

    @Test
    void hour_buckets_follow_daylight_saving_changes() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        // 2026-10-25: clocks go back at 03:00 local, so that local day has 25 hours
        List<Instant> starts = SalesQuery.bucketStarts(Instant.parse("2026-10-24T22:00:00Z"),
                Instant.parse("2026-10-25T23:00:00Z"), Granularity.HOUR, paris);
        assertThat(starts).hasSize(25);
        assertThat(SalesQuery.bucketStarts(Instant.parse("2026-10-24T22:00:00Z"), Instant.parse("2026-10-25T23:00:00Z"),
                Granularity.DAY, paris)).hasSize(1);
    }

    @Test
    void an_empty_or_too_long_period_is_refused() {
        assertThatThrownBy(() -> report(T, T, Granularity.DAY, ZoneOffset.UTC)).hasMessageContaining("before to");
        assertThatThrownBy(() -> report(T, T.plusSeconds(3600L * 24 * 400), Granularity.HOUR, ZoneOffset.UTC))
                .hasMessageContaining("buckets");
    }

    @Test
    void I7_a_redelivered_capture_counts_once() throws Exception {
        History h = new History().walletPayment("p1", "shop", "alice", 2000, 60, T);
        db.apply(projector, h.events());
        db.apply(projector, h.events());
        assertThat(report(T, T.plusSeconds(60), Granularity.HOUR, ZoneOffset.UTC).totals().gross().amount())
                .isEqualTo(2000);
    }
}
