package io.walletledger.projection.dashboard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Parameter;
import io.walletledger.servicekit.security.Access;
import io.walletledger.servicekit.security.Caller;
import io.walletledger.servicekit.security.Permission;

/**
 * The merchant dashboard (HTML) and the panel fragment its script polls. Unknown merchants and bad
 * parameters are refused as problem+json like every other query; a merchant key naming another
 * merchant is refused (403). Browsers send the key as HTTP Basic user name: they cannot add a Bearer
 * header to a navigation, and they resend Basic credentials with the panel's same-origin fetches.
 */
@Controller("/dashboard/merchants")
@Access(Permission.SALES_READ)
class DashboardController {

    private static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";

    private final MerchantDashboard dashboard;

    DashboardController(MerchantDashboard dashboard) {
        this.dashboard = dashboard;
    }

    @Get(uri = "/{id}", produces = MediaType.TEXT_HTML)
    HttpResponse<String> page(@PathVariable String id, @Nullable @QueryValue String timeZone,
                              @Nullable @QueryValue String days, @Parameter(hidden = true) Caller caller) {
        caller.requireTenant(id);
        DashboardData data = dashboard.load(id, DashboardParameters.parse(timeZone, days));
        return html(DashboardPage.render(data));
    }

    @Get(uri = "/{id}/panel", produces = MediaType.TEXT_HTML)
    HttpResponse<String> panel(@PathVariable String id, @Nullable @QueryValue String timeZone,
                               @Nullable @QueryValue String days, @Parameter(hidden = true) Caller caller) {
        caller.requireTenant(id);
        DashboardData data = dashboard.load(id, DashboardParameters.parse(timeZone, days));
        return html(DashboardPanel.render(data));
    }

    private static HttpResponse<String> html(String body) {
        // Figures change with every event: a cached copy would show stale money.
        return HttpResponse.ok(body).contentType(HTML).header("Cache-Control", "no-store");
    }
}
