package io.walletledger.command.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.annotation.ServerFilter;
import io.walletledger.servicekit.security.SecurityHeadersFilter;
import io.walletledger.servicekit.security.SecuritySettings;

/**
 * service-kit's security headers, applied outside the authentication filter. With the default order
 * they sit inside it, so the 401, 403 and 429 it answers by itself went out without them. To be
 * removed once service-kit orders {@link SecurityHeadersFilter} before the authentication filter.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(-2000)
@Replaces(SecurityHeadersFilter.class)
class OuterSecurityHeadersFilter extends SecurityHeadersFilter {

    OuterSecurityHeadersFilter(SecuritySettings settings) {
        super(settings);
    }
}
