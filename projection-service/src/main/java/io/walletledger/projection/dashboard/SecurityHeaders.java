package io.walletledger.projection.dashboard;

import io.micronaut.core.annotation.Order;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Browser hardening on every dashboard response: scripts only from this origin (the page has no
 * inline script to allow), no MIME sniffing, no referrer, no framing. Ordered before the service-wide
 * security headers filter and the authentication filter, whose refusals (the 401 Basic challenge a
 * browser shows as a prompt, 403) skip the filters after it; so this one's response side runs last,
 * and sets rather than adds: two Content-Security-Policy headers would both apply (the service-wide
 * closed one would block the dashboard's script).
 */
@ServerFilter("/dashboard/**")
@Order(-3000)
class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";

    @ResponseFilter
    void addHeaders(MutableHttpResponse<?> response) {
        MutableHttpHeaders headers = response.getHeaders();
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
    }
}
