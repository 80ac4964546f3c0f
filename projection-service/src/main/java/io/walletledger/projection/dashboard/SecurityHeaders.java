package io.walletledger.projection.dashboard;

import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Browser hardening on every dashboard response, the script and the 401 challenge included: scripts
 * only from this origin (the page has no inline script to allow), no MIME sniffing, no referrer, no
 * framing. The headers are set, not added: the service-wide security headers filter leaves a policy
 * the response already has, but may run before this one, and two Content-Security-Policy headers
 * would both apply (its closed policy would block the dashboard's script).
 */
@ServerFilter("/dashboard/**")
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
