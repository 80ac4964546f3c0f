package io.walletledger.projection.merchantsales;

import io.walletledger.envelope.Topics;
import io.walletledger.projection.accountview.AccountViewRepository;
import io.walletledger.projection.changefeed.ChangeFeed;
import io.walletledger.projection.merchantsales.SalesReport.Granularity;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Hourly UTC sales buckets on {@code ledger.merchant-sales.v1}, keyed {@code <merchant>/<hour start>}. */
@Singleton
class MerchantSalesFeed implements ChangeFeed {

    private final SalesQuery query;
    private final AccountViewRepository accounts;

    MerchantSalesFeed(SalesQuery query, AccountViewRepository accounts) {
        this.query = query;
        this.accounts = accounts;
    }

    @Override
    public String view() {
        return MerchantSalesProjector.VIEW;
    }

    @Override
    public String topic() {
        return Topics.MERCHANT_SALES;
    }

    @Override
    public Optional<Object> current(String key) {
        int slash = key.lastIndexOf('/');
        String merchant = key.substring(0, slash);
        Instant start = Instant.parse(key.substring(slash + 1));
        Instant end = start.plus(1, ChronoUnit.HOURS);
        String currency = accounts.find(merchant).map(a -> a.currency()).orElse(null);
        SalesReport report = query.report(merchant, currency, start, end, Granularity.HOUR, ZoneOffset.UTC);
        return Optional.of(new MerchantSalesBucket(merchant, start, end, report.currency(), report.totals(),
                report.byPaymentMethod()));
    }
}
