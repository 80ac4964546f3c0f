package io.walletledger.servicekit.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.util.PathMatcher;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import io.walletledger.servicekit.http.Problem;
import io.walletledger.servicekit.http.ProblemException;
import io.walletledger.servicekit.http.Problems;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Every request but the public paths (health, OpenAPI) needs an API key: {@code Authorization: Bearer
 * <key>}, or HTTP Basic with the key as user name (so a browser can open the dashboard). Then the
 * key's rate limit, then the route's {@link Access} permission: 401, 429 or 403 as problem+json before
 * any controller runs. The caller is left on the request for the controllers' tenant checks.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(-1000)
public class AuthenticationFilter {

    private final ApiKeyRegistry registry;
    private final RateLimiter limiter;
    private final SecuritySettings settings;

    public AuthenticationFilter(ApiKeyRegistry registry, RateLimiter limiter, SecuritySettings settings) {
        this.registry = registry;
        this.limiter = limiter;
        this.settings = settings;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        String path = request.getPath();
        if (settings.getPublicPaths().stream().anyMatch(pattern -> PathMatcher.ANT.matches(pattern, path))) {
            return null;
        }
        Caller caller;
        try {
            String key = presentedKey(request);
            if (key == null) {
                return challenge(request, Problems.response(HttpStatus.UNAUTHORIZED, "authentication_required",
                        "send an API key: Authorization: Bearer <key>"));
            }
            caller = registry.authenticate(key);
        } catch (ProblemException e) {
            MutableHttpResponse<Problem> refused = Problems.response(e.status(), e.code(), e.getMessage());
            return e.status() == HttpStatus.UNAUTHORIZED ? challenge(request, refused) : refused.header(HttpHeaders.RETRY_AFTER, "1");
        }
        long waitNanos = limiter.acquire(caller.keyId());
        if (waitNanos > 0) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999L));
            return Problems.response(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
                    "this API key sent more than " + settings.getRequestsPerSecond() + " requests per second; retry after "
                            + seconds + " s").header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        }
        Optional<RouteMatch<?>> route = RouteAttributes.getRouteMatch(request);
        if (route.isPresent() && !allowed(caller, route.get(), path)) {
            return Problems.response(HttpStatus.FORBIDDEN, "forbidden",
                    "a " + caller.role() + " key may not " + request.getMethod() + " " + path);
        }
        request.setAttribute(Caller.ATTRIBUTE, caller);
        return null;
    }

    private static boolean allowed(Caller caller, RouteMatch<?> route, String path) {
        Permission[] needed = route.getAnnotationMetadata().enumValues(Access.class, Permission.class);
        if (needed.length > 0) {
            return Arrays.stream(needed).anyMatch(caller::can);
        }
        // unannotated routes are the framework's: metrics for those who may read them, the rest ADMIN only
        return caller.role() == Role.ADMIN || (path.startsWith("/prometheus") && caller.can(Permission.METRICS_READ));
    }

    private static @Nullable String presentedKey(HttpRequest<?> request) {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.isBlank()) {
            return null;
        }
        int space = authorization.indexOf(' ');
        String scheme = space < 0 ? authorization : authorization.substring(0, space);
        String value = space < 0 ? "" : authorization.substring(space + 1).trim();
        if (scheme.equalsIgnoreCase("Bearer") && !value.isEmpty()) {
            return value;
        }
        if (scheme.equalsIgnoreCase("Basic") && !value.isEmpty()) {
            try {
                String decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                String user = colon < 0 ? decoded : decoded.substring(0, colon);
                return user.isEmpty() && colon >= 0 ? decoded.substring(colon + 1) : user;
            } catch (IllegalArgumentException e) {
                throw new ProblemException(HttpStatus.UNAUTHORIZED, "invalid_api_key", "the Basic credentials are not base64");
            }
        }
        throw new ProblemException(HttpStatus.UNAUTHORIZED, "invalid_api_key",
                "use Authorization: Bearer <key> (or Basic with the key as user name)");
    }

    private static MutableHttpResponse<Problem> challenge(HttpRequest<?> request, MutableHttpResponse<Problem> response) {
        String challenge = request.getPath().startsWith("/dashboard/")
                ? "Basic realm=\"Wallet Ledger dashboard\", charset=\"UTF-8\""
                : "Bearer realm=\"wallet-ledger\"";
        return response.header(HttpHeaders.WWW_AUTHENTICATE, challenge);
    }
}
