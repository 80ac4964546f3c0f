package io.walletledger.projection.dashboard;

import io.walletledger.projection.accountview.AccountView;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

/**
 * The whole page: header, a form to change zone and period, the panel, and the refresh script. No
 * inline script (the Content-Security-Policy allows only {@code 'self'} scripts): the script finds
 * the panel's URL in a data attribute.
 */
final class DashboardPage {

    static final String SCRIPT = "/dashboard/assets/dashboard.js";
    private static final List<Integer> PERIODS = List.of(1, 7, 14, 30, 90);

    private DashboardPage() {
    }

    static String render(DashboardData data) {
        AccountView merchant = data.merchant();
        String id = Html.escape(merchant.id());
        String panelUrl = "/dashboard/merchants/" + URLEncoder.encode(merchant.id(), StandardCharsets.UTF_8) + "/panel?"
                + data.parameters().query();
        String updated = DashboardPanel.CLOCK.format(data.generatedAt().atZone(data.parameters().zone()));
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Merchant %s \u2013 Wallet Ledger</title>
                <style>%s</style>
                <script src="%s" defer></script>
                </head>
                <body>
                <header>
                <div>
                <h1>Merchant <span class="mono" data-testid="merchant-id">%s</span></h1>
                <p class="meta">owner <span data-testid="merchant-owner">%s</span> \
                \u00b7 currency <span data-testid="merchant-currency">%s</span> \
                \u00b7 status <span data-testid="merchant-status">%s</span></p>
                </div>
                %s
                <span id="refresh-status" class="refresh" data-testid="refresh-status" aria-live="polite">\
                updated %s</span>
                </header>
                <main id="dashboard-panel" data-panel-url="%s">%s</main>
                </body>
                </html>
                """.formatted(id, DashboardStyle.CSS, SCRIPT, id, Html.escape(merchant.ownerId()),
                Html.escape(merchant.currency()), Html.escape(merchant.status()), form(data), updated,
                Html.escape(panelUrl), DashboardPanel.render(data));
    }

    /** A plain GET form: changing zone or period reloads the page with the new query. */
    private static String form(DashboardData data) {
        int chosen = data.parameters().days();
        StringBuilder options = new StringBuilder();
        // A period typed into the URL stays selectable, so submitting the form keeps it.
        List<Integer> periods = PERIODS.contains(chosen) ? PERIODS
                : Stream.concat(PERIODS.stream(), Stream.of(chosen)).sorted().toList();
        for (int days : periods) {
            options.append("<option value=\"").append(days).append('"').append(days == chosen ? " selected" : "")
                    .append('>').append(DashboardParameters.period(days)).append("</option>");
        }
        return """
                <form class="controls" method="get">
                <label>Time zone <input name="timeZone" value="%s" size="16" data-testid="time-zone"></label>
                <label>Period <select name="days" data-testid="days">%s</select></label>
                <button type="submit">Show</button>
                </form>""".formatted(Html.escape(data.parameters().zone().getId()), options);
    }
}
