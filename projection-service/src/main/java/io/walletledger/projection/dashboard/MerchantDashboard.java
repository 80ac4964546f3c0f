package io.walletledger.projection.dashboard;

import io.walletledger.projection.accountview.AccountView;
import io.walletledger.projection.accountview.AccountViewRepository;
import io.walletledger.projection.merchantsales.SalesQuery;
import io.walletledger.projection.merchantsales.SalesReport;
import io.walletledger.projection.merchantsales.SalesReport.Granularity;
import io.walletledger.projection.paymentview.PaymentViewRepository;
import io.walletledger.servicekit.http.ProblemException;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Reads what the dashboard shows from the existing read models; days are local days of the requested zone. */
@Singleton
class MerchantDashboard {

    static final int RECENT_PAYMENTS = 20;

    private final AccountViewRepository accounts;
    private final SalesQuery sales;
    private final PaymentViewRepository payments;
    private final Clock clock;

    MerchantDashboard(AccountViewRepository accounts, SalesQuery sales, PaymentViewRepository payments, Clock clock) {
        this.accounts = accounts;
        this.sales = sales;
        this.payments = payments;
        this.clock = clock;
    }

    DashboardData load(String merchantId, DashboardParameters parameters) {
        AccountView merchant = accounts.findMerchant(merchantId)
                .orElseThrow(() -> ProblemException.notFound("no merchant account " + merchantId));
        ZoneId zone = parameters.zone();
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        // Whole local days: today's chart shows all its hours (23 or 25 on DST days), later ones still empty.
        Instant todayStart = today.atStartOfDay(zone).toInstant();
        Instant tomorrowStart = today.plusDays(1).atStartOfDay(zone).toInstant();
        Instant periodStart = today.minusDays(parameters.days() - 1L).atStartOfDay(zone).toInstant();
        SalesReport byHour = sales.report(merchantId, merchant.currency(), todayStart, tomorrowStart,
                Granularity.HOUR, zone);
        SalesReport byDay = sales.report(merchantId, merchant.currency(), periodStart, tomorrowStart,
                Granularity.DAY, zone);
        return new DashboardData(merchant, parameters, now, today, byHour, byDay,
                payments.recent(merchantId, RECENT_PAYMENTS));
    }
}
