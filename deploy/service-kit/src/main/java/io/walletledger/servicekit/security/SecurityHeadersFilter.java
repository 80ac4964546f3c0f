package io.walletledger.servicekit.security;

import io.micronaut.core.annotation.Order;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers every response carries: no sniffing, no framing, no referrer, no caching of money (unless
 * the response says otherwise), a closed Content-Security-Policy unless the response sets its own
 * (the dashboard does), HSTS for deployments behind TLS. No CORS headers: cross-origin browser access
 * is off (Micronaut's CORS support stays disabled).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(-2000) // before authentication, so that its refusals carry the headers too
public class SecurityHeadersFilter {

    private final SecuritySettings settings;

    public SecurityHeadersFilter(SecuritySettings settings) {
        this.settings = settings;
    }

    @ResponseFilter
    public void addHeaders(MutableHttpResponse<?> response) {
        MutableHttpHeaders headers = response.getHeaders();
        setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
        setIfAbsent(headers, "X-Frame-Options", "DENY");
        setIfAbsent(headers, "Referrer-Policy", "no-referrer");
        setIfAbsent(headers, "Cross-Origin-Opener-Policy", "same-origin");
        setIfAbsent(headers, "Cross-Origin-Resource-Policy", "same-origin");
        setIfAbsent(headers, "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        setIfAbsent(headers, "Cache-Control", "no-store");
        if (settings.isHsts()) {
            setIfAbsent(headers, "Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }

    private static void setIfAbsent(MutableHttpHeaders headers, String name, String value) {
        if (!headers.contains(name)) {
            headers.add(name, value);
        }
    }
}
