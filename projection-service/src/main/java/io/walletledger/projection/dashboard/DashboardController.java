package io.walletledger.projection.dashboard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;

/**
 * The merchant dashboard (HTML) and the panel fragment its script polls. Unknown merchants and bad
 * parameters are refused as problem+json like every other query.
 */
@Controller("/dashboard/merchants")
class DashboardController {

    private static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";

    private final MerchantDashboard dashboard;

    DashboardController(MerchantDashboard dashboard) {
        this.dashboard = dashboard;
    }

    @Get(uri = "/{id}", produces = MediaType.TEXT_HTML)
    HttpResponse<String> page(@PathVariable String id, @Nullable @QueryValue String timeZone,
                              @Nullable @QueryValue String days) {
        DashboardData data = dashboard.load(id, DashboardParameters.parse(timeZone, days));
        return html(DashboardPage.render(data));
    }

    @Get(uri = "/{id}/panel", produces = MediaType.TEXT_HTML)
    HttpResponse<String> panel(@PathVariable String id, @Nullable @QueryValue String timeZone,
                               @Nullable @QueryValue String days) {
        DashboardData data = dashboard.load(id, DashboardParameters.parse(timeZone, days));
        return html(DashboardPanel.render(data));
    }

    private static HttpResponse<String> html(String body) {
        // Figures change with every event: a cached copy would show stale money.
        return HttpResponse.ok(body).contentType(HTML).header("Cache-Control", "no-store");
    }
}
