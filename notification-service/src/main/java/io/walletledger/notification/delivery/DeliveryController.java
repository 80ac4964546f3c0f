package io.walletledger.notification.delivery;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.walletledger.notification.endpoint.EndpointRepository;
import io.walletledger.notification.merchant.NewEvents;
import io.walletledger.servicekit.http.ProblemException;
import io.walletledger.servicekit.security.Access;
import io.walletledger.servicekit.security.Caller;
import io.walletledger.servicekit.security.Permission;

import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The delivery log of an endpoint, its dead letters, and manual retries. Another merchant's endpoint is
 * not found for a merchant key, like an unknown one.
 */
@Controller(value = "/v1/webhook-endpoints/{endpointId}", produces = MediaType.APPLICATION_JSON)
class DeliveryController {

    private static final Set<String> STATUSES = Set.of("PENDING", "SUCCEEDED", "DEAD");
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;

    private final DeliveryRepository deliveries;
    private final EndpointRepository endpoints;
    private final NewEvents newEvents;

    DeliveryController(DeliveryRepository deliveries, EndpointRepository endpoints, NewEvents newEvents) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.newEvents = newEvents;
    }

    @Operation(summary = "Deliveries of an endpoint, newest first, each with every attempt "
            + "(time, status code, latency, error); filter by status, page with 'before'")
    @Get("/deliveries")
    @Access(Permission.WEBHOOKS_READ)
    Map<String, Object> list(@Parameter(hidden = true) Caller caller, @PathVariable String endpointId,
                             @Nullable @QueryValue String status, @Nullable @QueryValue String before,
                             @Nullable @QueryValue String limit) throws SQLException {
        requireEndpoint(caller, endpointId);
        String wanted = status == null ? null : status.toUpperCase(Locale.ROOT);
        if (wanted != null && !STATUSES.contains(wanted)) {
            throw ProblemException.validation("'status' must be one of PENDING, SUCCEEDED, DEAD");
        }
        return page(deliveries.list(endpointId, wanted, cursor(before), limit(limit)), limit(limit));
    }

    @Operation(summary = "Dead letters of an endpoint: deliveries whose every scheduled attempt failed")
    @Get("/dead-letters")
    @Access(Permission.WEBHOOKS_READ)
    Map<String, Object> deadLetters(@Parameter(hidden = true) Caller caller, @PathVariable String endpointId,
                                    @Nullable @QueryValue String before, @Nullable @QueryValue String limit)
            throws SQLException {
        requireEndpoint(caller, endpointId);
        return page(deliveries.list(endpointId, "DEAD", cursor(before), limit(limit)), limit(limit));
    }

    @Operation(summary = "One delivery with its attempts")
    @Get("/deliveries/{deliveryId}")
    @Access(Permission.WEBHOOKS_READ)
    WebhookDelivery get(@Parameter(hidden = true) Caller caller, @PathVariable String endpointId,
                        @PathVariable String deliveryId) throws SQLException {
        requireEndpoint(caller, endpointId);
        return deliveries.find(endpointId, id(deliveryId)).orElseThrow(() -> notFound(deliveryId));
    }

    @Operation(summary = "Attempt a delivery again now, with the same webhook-id (a dead one gets one more attempt)")
    @Post("/deliveries/{deliveryId}/retry")
    @Access(Permission.WEBHOOKS_MANAGE)
    HttpResponse<WebhookDelivery> retry(@Parameter(hidden = true) Caller caller, @PathVariable String endpointId,
                                        @PathVariable String deliveryId) throws SQLException {
        requireEndpoint(caller, endpointId);
        WebhookDelivery retried = deliveries.retry(endpointId, id(deliveryId), Instant.now())
                .orElseThrow(() -> notFound(deliveryId));
        newEvents.announce();
        return HttpResponse.accepted().body(retried);
    }

    private static Map<String, Object> page(List<WebhookDelivery> data, int limit) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("data", data);
        if (data.size() == limit) {
            page.put("nextCursor", Long.toString(data.get(data.size() - 1).id()));
        }
        return page;
    }

    private static long id(String deliveryId) {
        try {
            return Long.parseLong(deliveryId);
        } catch (NumberFormatException e) {
            throw notFound(deliveryId);
        }
    }

    private static Long cursor(String before) {
        if (before == null) {
            return null;
        }
        try {
            return Long.parseLong(before);
        } catch (NumberFormatException e) {
            throw ProblemException.validation("'before' must be a nextCursor this API returned");
        }
    }

    private static int limit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value < 1 || value > MAX_LIMIT) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw ProblemException.validation("'limit' must be an integer from 1 to " + MAX_LIMIT);
        }
    }

    private void requireEndpoint(Caller caller, String endpointId) {
        if (endpoints.find(endpointId).filter(endpoint -> caller.sees(endpoint.merchantAccountId())).isEmpty()) {
            throw ProblemException.notFound("no webhook endpoint " + endpointId);
        }
    }

    private static ProblemException notFound(String deliveryId) {
        return ProblemException.notFound("no delivery " + deliveryId + " of this endpoint");
    }
}
