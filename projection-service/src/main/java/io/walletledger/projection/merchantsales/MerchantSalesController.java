package io.walletledger.projection.merchantsales;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Parameter;
import io.walletledger.projection.accountview.AccountView;
import io.walletledger.projection.accountview.AccountViewRepository;
import io.walletledger.projection.merchantsales.SalesReport.Granularity;
import io.walletledger.projection.query.ReadYourWrites;
import io.walletledger.projection.query.TimeParameters;
import io.walletledger.servicekit.http.ProblemException;
import io.walletledger.servicekit.security.Access;
import io.walletledger.servicekit.security.Caller;
import io.walletledger.servicekit.security.Permission;

import java.time.ZoneId;
import java.util.Locale;

/**
 * Merchant sales analytics: JSON report and CSV export over the same figures. A merchant key naming
 * another merchant is refused (403) before anything is read.
 */
@Controller("/v1/merchants")
@Access(Permission.SALES_READ)
class MerchantSalesController {

    private final SalesQuery query;
    private final AccountViewRepository accounts;
    private final ReadYourWrites readYourWrites;

    MerchantSalesController(SalesQuery query, AccountViewRepository accounts, ReadYourWrites readYourWrites) {
        this.query = query;
        this.accounts = accounts;
        this.readYourWrites = readYourWrites;
    }

    @Get(uri = "/{id}/sales", produces = MediaType.APPLICATION_JSON)
    HttpResponse<SalesReport> sales(@PathVariable String id, @Nullable @QueryValue String from,
                                    @Nullable @QueryValue String to, @Nullable @QueryValue String granularity,
                                    @Nullable @QueryValue String timeZone,
                                    @Nullable @QueryValue String consistencyToken,
                                    @Nullable @Header(ReadYourWrites.TOKEN_HEADER) String tokenHeader,
                                    @Parameter(hidden = true) Caller caller) {
        caller.requireTenant(id);
        return readYourWrites.answer(MerchantSalesProjector.GROUP, consistencyToken, tokenHeader,
                () -> report(id, from, to, granularity, timeZone));
    }

    @Get(uri = "/{id}/sales/export", produces = "text/csv")
    HttpResponse<String> export(@PathVariable String id, @Nullable @QueryValue String from,
                                @Nullable @QueryValue String to, @Nullable @QueryValue String granularity,
                                @Nullable @QueryValue String timeZone, @Nullable @QueryValue String consistencyToken,
                                @Nullable @Header(ReadYourWrites.TOKEN_HEADER) String tokenHeader,
                                @Parameter(hidden = true) Caller caller) {
        caller.requireTenant(id);
        return readYourWrites.answer(MerchantSalesProjector.GROUP, consistencyToken, tokenHeader,
                        () -> SalesCsv.of(report(id, from, to, granularity, timeZone)))
                .contentType(MediaType.of("text/csv; charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"sales-" + id + ".csv\"");
    }

    SalesReport report(String id, String from, String to, String granularity, String timeZone) {
        ZoneId zone = TimeParameters.zone(timeZone);
        Granularity size = granularity(granularity);
        var start = TimeParameters.instant("from", from, zone);
        var end = TimeParameters.instant("to", to, zone);
        AccountView merchant = accounts.findMerchant(id)
                .orElseThrow(() -> ProblemException.notFound("no merchant account " + id));
        return query.report(id, merchant.currency(), start, end, size, zone);
    }

    private static Granularity granularity(String value) {
        if (value == null || value.isBlank()) {
            return Granularity.DAY;
        }
        try {
            return Granularity.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.validation("granularity: must be HOUR or DAY");
        }
    }
}
