package io.walletledger.projection.dashboard;

import io.walletledger.projection.merchantsales.SalesFigures;
import io.walletledger.projection.merchantsales.SalesReport;
import io.walletledger.projection.merchantsales.SalesReport.Bucket;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The live part of the dashboard: figures, charts and tables. The page embeds it and the refresh
 * script fetches it again, so both come from this one renderer.
 */
final class DashboardPanel {

    static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH");
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private DashboardPanel() {
    }

    static String render(DashboardData data) {
        ZoneId zone = data.parameters().zone();
        StringBuilder html = new StringBuilder(16_384);
        html.append("<div class=\"panel\" data-testid=\"panel\" data-updated=\"")
                .append(CLOCK.format(data.generatedAt().atZone(zone))).append("\">");
        todaySection(html, data);
        periodSection(html, data);
        charts(html, data);
        PaymentTables.methods(html, data.periodByDay(), data.parameters().days());
        PaymentTables.recent(html, data.recentPayments(), zone);
        return html.append("</div>").toString();
    }

    private static void todaySection(StringBuilder html, DashboardData data) {
        SalesFigures today = data.todayByHour().totals();
        html.append("<section><h2>Today <small>").append(DATE.format(data.today())).append("</small></h2>")
                .append("<div class=\"cards\">");
        moneyCards(html, "today", today);
        card(html, "Payments", "today-payments", Long.toString(today.paymentCount()));
        html.append("</div></section>");
    }

    private static void periodSection(StringBuilder html, DashboardData data) {
        SalesFigures period = data.periodByDay().totals();
        int days = data.parameters().days();
        html.append("<section><h2>Last ").append(DashboardParameters.period(days)).append(" <small>")
                .append(DATE.format(data.periodStart())).append(" \u2013 ").append(DATE.format(data.today()))
                .append("</small></h2><div class=\"cards\">");
        moneyCards(html, "period", period);
        card(html, "Payments", "period-payments", Long.toString(period.paymentCount()));
        card(html, "Unique payers", "period-payers", Long.toString(period.uniquePayers()));
        card(html, "Average ticket", "period-average", MoneyFormat.format(period.averageTicket()));
        html.append("</div></section>");
    }

    private static void moneyCards(StringBuilder html, String prefix, SalesFigures figures) {
        card(html, "Gross sales", prefix + "-gross", MoneyFormat.format(figures.gross()));
        card(html, "Refunds (" + figures.refundCount() + ")", prefix + "-refunds",
                MoneyFormat.format(figures.refunded()));
        card(html, "Fees", prefix + "-fees", MoneyFormat.format(figures.fees()));
        card(html, "Net", prefix + "-net", MoneyFormat.format(figures.net()));
    }

    private static void card(StringBuilder html, String label, String testId, String value) {
        html.append("<div class=\"card\"><div class=\"label\">").append(Html.escape(label))
                .append("</div><div class=\"value\" data-testid=\"").append(Html.escape(testId)).append("\">")
                .append(Html.escape(value)).append("</div></div>");
    }

    private static void charts(StringBuilder html, DashboardData data) {
        SalesReport byHour = data.todayByHour();
        SalesReport byDay = data.periodByDay();
        ZoneId zone = data.parameters().zone();
        List<SvgBarChart.Bar> hours = byHour.buckets().stream().map(b -> new SvgBarChart.Bar(
                HOUR.format(b.start().atZone(zone)), hourTooltip(b, zone), b.figures().gross().amount())).toList();
        List<SvgBarChart.Bar> days = byDay.buckets().stream().map(b -> new SvgBarChart.Bar(
                DAY.format(b.start().atZone(zone)), dayTooltip(b, zone), b.figures().gross().amount())).toList();
        html.append("<section class=\"charts\"><figure><figcaption>Gross per hour, today</figcaption>")
                .append(SvgBarChart.render("today-chart", "Gross sales per hour today", byHour.currency(),
                        "hour (" + zone.getId() + ")", hours, 3))
                .append("</figure><figure><figcaption>Gross per day, last ")
                .append(DashboardParameters.period(data.parameters().days())).append("</figcaption>")
                .append(SvgBarChart.render("period-chart", "Gross sales per day over the period", byDay.currency(),
                        "day", days, (days.size() + 9) / 10))
                .append("</figure></section>");
    }

    private static String hourTooltip(Bucket bucket, ZoneId zone) {
        ZonedDateTime start = bucket.start().atZone(zone);
        return start.format(HOUR_MINUTE) + "\u2013" + bucket.end().atZone(zone).format(HOUR_MINUTE) + ": "
                + figuresTooltip(bucket.figures());
    }

    private static String dayTooltip(Bucket bucket, ZoneId zone) {
        return DATE.format(bucket.start().atZone(zone)) + ": " + figuresTooltip(bucket.figures());
    }

    private static String figuresTooltip(SalesFigures figures) {
        return "gross " + MoneyFormat.format(figures.gross()) + ", " + figures.paymentCount()
                + (figures.paymentCount() == 1 ? " payment" : " payments");
    }
}
