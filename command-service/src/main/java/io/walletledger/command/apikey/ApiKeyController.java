package io.walletledger.command.apikey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.walletledger.command.http.AccessRefusals;
import io.walletledger.servicekit.http.JsonRequest;
import io.walletledger.servicekit.http.Problem;
import io.walletledger.servicekit.http.ProblemException;
import io.walletledger.servicekit.security.Access;
import io.walletledger.servicekit.security.ApiKeyRecord;
import io.walletledger.servicekit.security.ApiKeyRegistry;
import io.walletledger.servicekit.security.Permission;

import java.util.Comparator;
import java.util.List;

/**
 * API keys, for ADMIN keys only: create (the key is in this one response, never again), list, show,
 * revoke. Keys live on {@code ledger.api-keys.v1}, from which every service reads them.
 */
@Controller(value = "/v1/api-keys", produces = MediaType.APPLICATION_JSON)
@Access(Permission.KEYS_MANAGE)
class ApiKeyController {

    private final ApiKeyIssuer issuer;
    private final ApiKeyRegistry registry;

    ApiKeyController(ApiKeyIssuer issuer, ApiKeyRegistry registry) {
        this.issuer = issuer;
        this.registry = registry;
    }

    @AccessRefusals
    @Operation(summary = "Create an API key (returned once; only its SHA-256 is kept)")
    @RequestBody(content = @Content(schema = @Schema(implementation = ApiKeyView.CreateRequest.class)))
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ApiKeyView.class)))
    @ApiResponse(responseCode = "200", description = "a replay under the same Idempotency-Key, without the key",
            content = @Content(schema = @Schema(implementation = ApiKeyView.class)))
    @ApiResponse(responseCode = "400", description = "validation_failed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "idempotency_key_reused",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "unknown_merchant: no MERCHANT account of that id is open",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER,
            description = "Repeating a creation with the same key returns the created key's record (without the key)",
            schema = @Schema(implementation = String.class, maxLength = 255))
    @Post(consumes = MediaType.APPLICATION_JSON)
    HttpResponse<ApiKeyView> create(HttpRequest<?> http, @Body String body) {
        String idempotencyKey = http.getHeaders().get("Idempotency-Key");
        ApiKeyIssuer.Issued issued = issuer.issue(JsonRequest.parse(body), idempotencyKey);
        ApiKeyView view = ApiKeyView.of(issued.record(), issued.plaintext(), registry);
        return issued.replayed() ? HttpResponse.ok(view) : HttpResponse.created(view);
    }

    @AccessRefusals
    @Operation(summary = "List API keys (never the keys themselves), newest first")
    @Get
    List<ApiKeyView> list(@Nullable @QueryValue String role, @Nullable @QueryValue String merchantAccountId,
                          @Nullable @QueryValue Boolean includeRevoked) {
        return registry.all().stream()
                .filter(k -> role == null || k.role().name().equals(role))
                .filter(k -> merchantAccountId == null || merchantAccountId.equals(k.merchantAccountId()))
                .filter(k -> Boolean.TRUE.equals(includeRevoked) || !k.revoked())
                .sorted(Comparator.comparing(ApiKeyRecord::createdAt).reversed())
                .map(k -> ApiKeyView.of(k, null, registry))
                .toList();
    }

    @AccessRefusals
    @Operation(summary = "Show an API key (status, role, last use)")
    @ApiResponse(responseCode = "404", description = "not_found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Get("/{id}")
    ApiKeyView show(@PathVariable String id) {
        return ApiKeyView.of(find(id), null, registry);
    }

    @AccessRefusals
    @Operation(summary = "Revoke an API key: refused from now on (at once here, within a poll elsewhere)")
    @ApiResponse(responseCode = "404", description = "not_found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Post("/{id}/revoke")
    ApiKeyView revoke(@PathVariable String id) {
        return ApiKeyView.of(registry.revoke(find(id)), null, registry);
    }

    private ApiKeyRecord find(String id) {
        return registry.find(id).orElseThrow(() -> ProblemException.notFound("no API key " + id));
    }

    static ProblemException conflict(String detail) {
        return new ProblemException(HttpStatus.CONFLICT, "idempotency_key_reused", detail);
    }
}
