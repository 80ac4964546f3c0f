package io.walletledger.notification.endpoint;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.walletledger.envelope.EventCatalog;
import io.walletledger.notification.WebhookSettings;
import io.walletledger.notification.merchant.Merchants;
import io.walletledger.servicekit.http.JsonRequest;
import io.walletledger.servicekit.http.ProblemException;
import io.walletledger.servicekit.security.Access;
import io.walletledger.servicekit.security.Caller;
import io.walletledger.servicekit.security.Permission;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Webhook endpoints of merchants: register, list, read, change, delete, rotate the signing secret. A
 * merchant key acts only on its own: naming another merchant is refused (403), and another merchant's
 * endpoint is not found (404), exactly like an unknown one, so its existence does not show.
 */
@Controller(value = "/v1/webhook-endpoints", produces = MediaType.APPLICATION_JSON)
class WebhookEndpointController {

    static final int MAX_ENDPOINTS_PER_MERCHANT = 16;
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final int MAX_EVENT_TYPES = 64;

    private final EndpointRepository endpoints;
    private final SigningSecrets secrets;
    private final DestinationPolicy destinations;
    private final Merchants merchants;
    private final WebhookSettings settings;
    private final SecureRandom random = new SecureRandom();

    WebhookEndpointController(EndpointRepository endpoints, SigningSecrets secrets, DestinationPolicy destinations,
                              Merchants merchants, WebhookSettings settings) {
        this.endpoints = endpoints;
        this.secrets = secrets;
        this.destinations = destinations;
        this.merchants = merchants;
        this.settings = settings;
    }

    @Operation(summary = "Register a webhook endpoint; the response carries its signing secret, shown once")
    @Post(consumes = MediaType.APPLICATION_JSON)
    @Access(Permission.WEBHOOKS_MANAGE)
    HttpResponse<WebhookEndpoint> create(@Parameter(hidden = true) Caller caller, @Body String body,
                                         @Nullable @Header(IDEMPOTENCY_KEY) String idempotencyKey) throws SQLException {
        String key = IdempotencyKeys.validate(idempotencyKey);
        JsonRequest request = JsonRequest.parse(body);
        String merchant = request.requiredAccountId("merchantAccountId").value();
        caller.requireTenant(merchant);
        String url = url(request.requiredText("url", 2048));
        List<String> types = eventTypes(request.requiredTextList("eventTypes", MAX_EVENT_TYPES, 64));
        String description = request.optionalText("description", 500);
        if (!merchants.exists(merchant)) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "unknown_merchant",
                    "no MERCHANT account " + merchant + " is known to the notification service");
        }
        String id = "we_" + HexFormat.of().formatHex(randomBytes(12));
        Instant now = Instant.now();
        String hash = key == null ? null : IdempotencyKeys.hash("create", request);
        // per merchant: another merchant's use of the same key neither replays nor conflicts
        String scope = "create:" + merchant + ":" + key;
        return inTransaction(tx -> {
            Optional<String> replayed = key == null ? Optional.empty()
                    : IdempotencyKeys.replayed(tx, scope, hash, now);
            if (replayed.isPresent()) {
                return replay(replayed.get(), HttpStatus.CREATED);
            }
            if (endpoints.countForMerchant(tx, merchant) >= MAX_ENDPOINTS_PER_MERCHANT) {
                throw new ProblemException(HttpStatus.CONFLICT, "too_many_endpoints",
                        "a merchant has at most " + MAX_ENDPOINTS_PER_MERCHANT + " webhook endpoints");
            }
            endpoints.insert(tx, id, merchant, url, types, description, now);
            if (key != null) {
                IdempotencyKeys.record(tx, scope, hash, id, now);
            }
            String secret = secrets.add(tx, id, now);
            return HttpResponse.created(endpoints.find(tx, id).orElseThrow().withSecret(secret, null));
        });
    }

    @Operation(summary = "List webhook endpoints, optionally of one merchant (a merchant key: its own)")
    @Get
    @Access(Permission.WEBHOOKS_READ)
    Map<String, List<WebhookEndpoint>> list(@Parameter(hidden = true) Caller caller,
                                            @Nullable @QueryValue String merchantAccountId) {
        String merchant = merchantAccountId == null && caller.isMerchant() ? caller.merchantAccountId()
                : merchantAccountId;
        caller.requireTenant(merchant);
        return Map.of("data", endpoints.list(merchant));
    }

    @Operation(summary = "Read a webhook endpoint (its status, and why it was disabled if it was)")
    @Get("/{id}")
    @Access(Permission.WEBHOOKS_READ)
    WebhookEndpoint get(@Parameter(hidden = true) Caller caller, @PathVariable String id) {
        return visible(endpoints.find(id), caller, id);
    }

    @Operation(summary = "Change url, eventTypes, description or enabled; enabling clears a disabled reason")
    @Patch(uri = "/{id}", consumes = MediaType.APPLICATION_JSON)
    @Access(Permission.WEBHOOKS_MANAGE)
    WebhookEndpoint update(@Parameter(hidden = true) Caller caller, @PathVariable String id, @Body String body)
            throws SQLException {
        JsonRequest request = JsonRequest.parse(body).onlyFields("url", "eventTypes", "description", "enabled");
        String rawUrl = request.optionalText("url", 2048);
        String url = rawUrl == null ? null : url(rawUrl);
        List<String> rawTypes = request.optionalTextList("eventTypes", MAX_EVENT_TYPES, 64);
        List<String> types = rawTypes == null ? null : eventTypes(rawTypes);
        String description = request.optionalText("description", 500);
        Boolean enabled = request.optionalBoolean("enabled");
        return inTransaction(tx -> {
            visible(endpoints.find(tx, id), caller, id);
            endpoints.update(tx, id, url, description, enabled, Instant.now());
            if (types != null) {
                endpoints.replaceTypes(tx, id, types);
            }
            return endpoints.find(tx, id).orElseThrow();
        });
    }

    @Operation(summary = "Delete a webhook endpoint with its pending deliveries and delivery log")
    @Delete("/{id}")
    @Access(Permission.WEBHOOKS_MANAGE)
    HttpResponse<Void> delete(@Parameter(hidden = true) Caller caller, @PathVariable String id) throws SQLException {
        visible(endpoints.find(id), caller, id);
        if (!endpoints.delete(id)) {
            throw notFound(id);
        }
        return HttpResponse.noContent();
    }

    @Operation(summary = "Rotate the signing secret: the new one is returned once; the old one keeps signing "
            + "beside it for overlapSeconds (default ledger.webhooks.secret-overlap, 24 h)")
    @Post(uri = "/{id}/rotate-secret", consumes = MediaType.APPLICATION_JSON)
    @Access(Permission.WEBHOOKS_MANAGE)
    HttpResponse<WebhookEndpoint> rotate(@Parameter(hidden = true) Caller caller, @PathVariable String id,
                                         @Nullable @Body String body,
                                         @Nullable @Header(IDEMPOTENCY_KEY) String idempotencyKey) throws SQLException {
        String key = IdempotencyKeys.validate(idempotencyKey);
        JsonRequest request = JsonRequest.parseOptional(body).onlyFields("overlapSeconds");
        long overlap = request.optionalLong("overlapSeconds", settings.getSecretOverlap().toSeconds(), 0,
                Duration.ofDays(7).toSeconds());
        Instant now = Instant.now();
        Instant previousExpiresAt = now.plusSeconds(overlap);
        String scope = "rotate:" + id + ":" + key;
        String hash = key == null ? null : IdempotencyKeys.hash("rotate", request);
        return inTransaction(tx -> {
            visible(endpoints.find(tx, id), caller, id);
            if (key != null && IdempotencyKeys.replayed(tx, scope, hash, now).isPresent()) {
                return replay(id, HttpStatus.OK);
            }
            if (key != null) {
                IdempotencyKeys.record(tx, scope, hash, id, now);
            }
            secrets.expireCurrent(tx, id, now, previousExpiresAt);
            String secret = secrets.add(tx, id, now);
            return HttpResponse.ok(endpoints.find(tx, id).orElseThrow().withSecret(secret, previousExpiresAt));
        });
    }

    /** The endpoint found, unless there is none or it is another merchant's: both are not found, alike. */
    private static WebhookEndpoint visible(Optional<WebhookEndpoint> found, Caller caller, String id) {
        return found.filter(endpoint -> caller.sees(endpoint.merchantAccountId())).orElseThrow(() -> notFound(id));
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection tx) throws SQLException;
    }

    /** Runs the work in one transaction: committed if it returns, rolled back if it throws. */
    private <T> T inTransaction(Work<T> work) throws SQLException {
        try (Connection tx = endpoints.connection()) {
            tx.setAutoCommit(false);
            try {
                T result = work.run(tx);
                tx.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                tx.rollback();
                throw e;
            }
        }
    }

    /** The endpoint a replayed request named, as it is now and without its secret. */
    private HttpResponse<WebhookEndpoint> replay(String id, HttpStatus status) {
        WebhookEndpoint endpoint = endpoints.find(id).orElseThrow(() -> ProblemException.notFound(
                "the webhook endpoint this Idempotency-Key names (" + id + ") was deleted"));
        return HttpResponse.<WebhookEndpoint>status(status).body(endpoint).header(REPLAYED, "true");
    }

    private String url(String url) {
        try {
            return destinations.validate(url).toString();
        } catch (DestinationPolicy.Refused e) {
            throw ProblemException.validation(e.getMessage());
        }
    }

    private static List<String> eventTypes(List<String> types) {
        for (String type : types) {
            if (EventCatalog.classOf(type).isEmpty()) {
                throw ProblemException.validation("unknown event type '" + type + "'; see docs/events.md for the catalog");
            }
        }
        return types.stream().sorted().toList();
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    static ProblemException notFound(String id) {
        return ProblemException.notFound("no webhook endpoint " + id);
    }
}
