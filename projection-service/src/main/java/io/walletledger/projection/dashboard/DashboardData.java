package io.walletledger.projection.dashboard;

import io.walletledger.projection.accountview.AccountView;
import io.walletledger.projection.merchantsales.SalesReport;
import io.walletledger.projection.paymentview.PaymentView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Everything one rendering of the dashboard shows, read at {@code generatedAt}. */
record DashboardData(AccountView merchant, DashboardParameters parameters, Instant generatedAt, LocalDate today,
                     SalesReport todayByHour, SalesReport periodByDay, List<PaymentView> recentPayments) {

    LocalDate periodStart() {
        return today.minusDays(parameters.days() - 1L);
    }
}
