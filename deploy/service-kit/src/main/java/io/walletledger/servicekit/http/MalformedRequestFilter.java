package io.walletledger.servicekit.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.util.PathMatcher;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import io.micronaut.web.router.resource.StaticResourceConfiguration;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses, as problem+json and before authentication, the requests the framework would otherwise
 * bend into a valid one (found by the bad input campaign, BadInputFuzzIT): a path with a trailing
 * slash, an empty segment, a control character or white space (one resource, one path: an
 * Idempotency-Key is bound to the path); a method in lower case ({@code get}); a header that must come
 * once, twice (which one would count?); a compressed body (a gzip body cut short was read as no body
 * at all, unknown codings as plain text; no client of the API compresses, so none is decoded); a
 * control character in a query parameter; a body without a media type on a route that consumes
 * JSON; any other method than GET or HEAD on a static resource; and a URL that cannot be decoded.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(-1500) // after the security headers filter (its headers go on these refusals too), before authentication
public class MalformedRequestFilter {

    private static final List<String> SINGLE_HEADERS = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
            "Idempotency-Key", "Consistency-Token", "Last-Event-ID");

    private final List<StaticResourceConfiguration> staticResources;

    public MalformedRequestFilter(List<StaticResourceConfiguration> staticResources) {
        this.staticResources = staticResources;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> refuseMalformed(HttpRequest<?> request) {
        Optional<RouteMatch<?>> route = RouteAttributes.getRouteMatch(request);
        String problem = methodProblem(request, route.isPresent());
        if (problem != null) {
            return Problems.response(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", problem);
        }
        if (isStandInForAnUnreadableUrl(request)) {
            return Problems.response(HttpStatus.BAD_REQUEST, "validation_failed",
                    "the URL is not valid: a '%' must be followed by two hex digits");
        }
        try {
            problem = pathProblem(request);
        } catch (RuntimeException notAUri) {
            problem = "no resource at this path: it is not a valid URI path";
        }
        if (problem != null) {
            return Problems.response(HttpStatus.NOT_FOUND, "not_found", problem);
        }
        problem = headerProblem(request);
        if (problem == null) {
            try {
                problem = queryProblem(request);
            } catch (RuntimeException notDecodable) {
                problem = "the query string is not valid percent-encoded UTF-8";
            }
        }
        if (problem != null) {
            return Problems.response(HttpStatus.BAD_REQUEST, "validation_failed", problem);
        }
        problem = mediaProblem(request, route.orElse(null));
        return problem == null ? null
                : Problems.response(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", problem)
                .header(HttpHeaders.ACCEPT_ENCODING, "identity");
    }

    /**
     * When the request target cannot be decoded ({@code /v1/x%ZZ}), Micronaut handles the error on a
     * stand-in request for "/" without the client's headers; any real HTTP/1.1 request has a Host. Its
     * refusal would otherwise be the authentication filter's "send an API key", to a client who did.
     */
    private static boolean isStandInForAnUnreadableUrl(HttpRequest<?> request) {
        return "/".equals(request.getPath()) && !request.getHeaders().contains(HttpHeaders.HOST);
    }

    private @Nullable String methodProblem(HttpRequest<?> request, boolean routed) {
        String name = request.getMethodName();
        if (!name.equals(request.getMethod().name())) {
            return "method '" + name + "' is not allowed (method names are case-sensitive)";
        }
        HttpMethod method = request.getMethod();
        if (!routed && method != HttpMethod.GET && method != HttpMethod.HEAD && isStaticResource(request.getPath())) {
            return "Method [" + name + "] not allowed for URI [" + request.getPath() + "]. Allowed methods: [GET, HEAD]";
        }
        return null;
    }

    private boolean isStaticResource(String path) {
        return staticResources.stream().filter(StaticResourceConfiguration::isEnabled)
                .anyMatch(resource -> PathMatcher.ANT.matches(resource.getMapping(), path));
    }

    private static @Nullable String pathProblem(HttpRequest<?> request) {
        if (request.getUri().getRawFragment() != null) {
            return "no resource at this path: a request has no #fragment";
        }
        String raw = request.getUri().getRawPath();
        String path = raw == null ? "" : URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        if (path.isEmpty() || path.contains("//") || (path.length() > 1 && path.endsWith("/"))) {
            return "no resource at this path: remove the empty segment or the trailing slash (or its %2F)";
        }
        if (hasControl(path) || path.chars().anyMatch(Character::isWhitespace)) {
            return "no resource at this path: it contains a control character or white space";
        }
        return null;
    }

    private static @Nullable String headerProblem(HttpRequest<?> request) {
        for (String name : SINGLE_HEADERS) {
            int count = request.getHeaders().getAll(name).size();
            if (count > 1) {
                return "the " + name + " header was sent " + count + " times: send it once";
            }
        }
        return null;
    }

    private static @Nullable String queryProblem(HttpRequest<?> request) {
        for (Map.Entry<String, List<String>> parameter : request.getParameters().asMap().entrySet()) {
            if (hasControl(parameter.getKey()) || parameter.getValue().stream().anyMatch(MalformedRequestFilter::hasControl)) {
                return "query parameter '" + parameter.getKey().replaceAll("\\p{Cntrl}", "?")
                        + "' contains a control character";
            }
        }
        return null;
    }

    private static @Nullable String mediaProblem(HttpRequest<?> request, @Nullable RouteMatch<?> route) {
        for (String coding : request.getHeaders().getAll(HttpHeaders.CONTENT_ENCODING)) {
            for (String one : coding.split(",")) {
                if (!one.trim().equalsIgnoreCase("identity")) {
                    return "Content-Encoding '" + one.trim() + "' is not supported: send the body uncompressed";
                }
            }
        }
        boolean hasBody = request.getContentLength() > 0 || request.getHeaders().contains(HttpHeaders.TRANSFER_ENCODING);
        if (route == null || !hasBody || route.getRouteInfo().getConsumes().isEmpty() || route.getRouteInfo().consumesAll()) {
            return null;
        }
        Optional<MediaType> type;
        try {
            type = request.getContentType();
        } catch (RuntimeException unparsable) {
            type = Optional.empty();
        }
        return type.isPresent() ? null
                : "send the body with Content-Type: " + route.getRouteInfo().getConsumes().get(0) + " (was '"
                + request.getHeaders().get(HttpHeaders.CONTENT_TYPE) + "')";
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(c -> c < 0x20 || c == 0x7F);
    }
}
