package io.walletledger.projection.dashboard;

import io.walletledger.projection.accountview.AccountView.Amount;
import io.walletledger.projection.merchantsales.SalesFigures;
import io.walletledger.projection.merchantsales.SalesReport;
import io.walletledger.projection.paymentview.PaymentView;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The payment-method breakdown of the period and the latest payments. */
final class PaymentTables {

    /** Shown even without sales, so the table keeps its shape; any other method found is added after them. */
    private static final List<String> METHODS = List.of("WALLET", "CARD");
    private static final String MISSING = "\u2014";
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private PaymentTables() {
    }

    static void methods(StringBuilder html, SalesReport period, int days) {
        Map<String, SalesFigures> rows = new LinkedHashMap<>();
        METHODS.forEach(method -> rows.put(method, period.byPaymentMethod().get(method)));
        rows.putAll(period.byPaymentMethod());
        html.append("<section><h2>Payment methods <small>last ").append(DashboardParameters.period(days))
                .append("</small></h2><table data-testid=\"methods\"><thead><tr><th>Method</th>")
                .append("<th class=\"num\">Payments</th><th class=\"num\">Gross</th><th class=\"num\">Refunds</th>")
                .append("<th class=\"num\">Fees</th><th class=\"num\">Net</th></tr></thead><tbody>");
        rows.forEach((method, figures) -> {
            String id = "method-" + method;
            html.append("<tr data-testid=\"").append(Html.escape(id)).append("\"><td>").append(Html.escape(method))
                    .append("</td>");
            cell(html, id + "-payments", figures == null ? "0" : Long.toString(figures.paymentCount()));
            cell(html, id + "-gross", figures == null ? zero(period) : MoneyFormat.format(figures.gross()));
            cell(html, id + "-refunds", figures == null ? zero(period) : MoneyFormat.format(figures.refunded()));
            cell(html, id + "-fees", figures == null ? zero(period) : MoneyFormat.format(figures.fees()));
            cell(html, id + "-net", figures == null ? zero(period) : MoneyFormat.format(figures.net()));
            html.append("</tr>");
        });
        html.append("</tbody></table></section>");
    }

    static void recent(StringBuilder html, List<PaymentView> payments, ZoneId zone) {
        html.append("<section><h2>Recent payments <small>latest ").append(MerchantDashboard.RECENT_PAYMENTS)
                .append("</small></h2><table data-testid=\"recent-payments\"><thead><tr><th>Payment</th>")
                .append("<th>Order</th><th>Status</th><th class=\"num\">Amount</th><th class=\"num\">Captured</th>")
                .append("<th class=\"num\">Refunded</th><th class=\"num\">Fee</th><th>Method</th>")
                .append("<th>Created (").append(Html.escape(zone.getId())).append(")</th></tr></thead><tbody>");
        if (payments.isEmpty()) {
            html.append("<tr><td colspan=\"9\" class=\"empty\" data-testid=\"recent-payments-empty\">")
                    .append("No payments yet</td></tr>");
        }
        for (PaymentView payment : payments) {
            String id = "recent-payment-" + payment.id();
            html.append("<tr data-testid=\"").append(Html.escape(id)).append("\">");
            cell(html, id + "-id", "mono", payment.id());
            String order = payment.orderReference() == null ? MISSING : payment.orderReference();
            // A long reference is cut with an ellipsis; the tooltip shows it whole.
            html.append("<td class=\"ref\" title=\"").append(Html.escape(order)).append("\" data-testid=\"")
                    .append(Html.escape(id + "-order")).append("\">").append(Html.escape(order)).append("</td>");
            html.append("<td><span class=\"status status-").append(Html.escape(payment.status()))
                    .append("\" data-testid=\"").append(Html.escape(id + "-status")).append("\">")
                    .append(Html.escape(payment.status())).append("</span></td>");
            cell(html, id + "-amount", MoneyFormat.format(payment.amount()));
            cell(html, id + "-captured", MoneyFormat.format(payment.captured()));
            cell(html, id + "-refunded", MoneyFormat.format(payment.refunded()));
            cell(html, id + "-fee", MoneyFormat.format(payment.fee()));
            cell(html, id + "-method", "", payment.paymentMethod() == null ? MISSING : payment.paymentMethod());
            cell(html, id + "-created", "time", payment.createdAt() == null ? MISSING
                    : CREATED.format(payment.createdAt().atZone(zone)));
            html.append("</tr>");
        }
        html.append("</tbody></table></section>");
    }

    private static String zero(SalesReport period) {
        return MoneyFormat.format(new Amount(0, period.currency()));
    }

    private static void cell(StringBuilder html, String testId, String value) {
        cell(html, testId, "num", value);
    }

    private static void cell(StringBuilder html, String testId, String cssClass, String value) {
        html.append("<td");
        if (!cssClass.isEmpty()) {
            html.append(" class=\"").append(cssClass).append('"');
        }
        html.append(" data-testid=\"").append(Html.escape(testId)).append("\">").append(Html.escape(value))
                .append("</td>");
    }
}
