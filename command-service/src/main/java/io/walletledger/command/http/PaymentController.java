package io.walletledger.command.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.walletledger.servicekit.http.JsonRequest;
import io.walletledger.servicekit.security.Access;
import io.walletledger.servicekit.security.Permission;
import io.walletledger.command.operations.PaymentOperations;

/**
 * Merchant payments: request → authorize → capture → refunds; or cancel. A MERCHANT key acts only on
 * its own merchant account's payments ({@link Tenancy}).
 */
@Controller(value = "/v1/payments", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
class PaymentController {

    private final PaymentOperations payments;
    private final CommandEndpoint endpoint;
    private final Tenancy tenancy;

    PaymentController(PaymentOperations payments, CommandEndpoint endpoint, Tenancy tenancy) {
        this.payments = payments;
        this.endpoint = endpoint;
        this.tenancy = tenancy;
    }

    @Operation(summary = "Request a payment (merchant)")
    @CommandOperation
    @RequestBody(content = @Content(schema = @Schema(implementation = ApiSchemas.PaymentRequest.class)))
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = io.walletledger.command.payment.PaymentResponse.class)))
    @Access(Permission.PAYMENTS_CREATE)
    @Post
    HttpResponse<String> request(HttpRequest<?> http, @Body String body) {
        JsonRequest request = JsonRequest.parse(body);
        tenancy.requireOwnMerchant(http, request);
        return endpoint.run(http, request, payments.request(request));
    }

    @Operation(summary = "Authorize a payment from the payer's wallet (a hold) or by card")
    @CommandOperation
    @RequestBody(content = @Content(schema = @Schema(implementation = ApiSchemas.AuthorizeRequest.class)))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = io.walletledger.command.payment.PaymentResponse.class)))
    @Access(Permission.PAYMENTS_AUTHORIZE)
    @Post("/{id}/authorize")
    HttpResponse<String> authorize(HttpRequest<?> http, @PathVariable String id, @Body String body) {
        JsonRequest request = JsonRequest.parse(body);
        return endpoint.run(http, request, payments.authorize(id, request));
    }

    @Operation(summary = "Capture all or part of an authorized payment")
    @CommandOperation
    @RequestBody(content = @Content(schema = @Schema(implementation = ApiSchemas.CaptureRequest.class)))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = io.walletledger.command.payment.PaymentResponse.class)))
    @Access(Permission.PAYMENTS_CAPTURE)
    @Post("/{id}/capture")
    HttpResponse<String> capture(HttpRequest<?> http, @PathVariable String id, @Nullable @Body String body) {
        tenancy.requireOwnPayment(http, id);
        JsonRequest request = JsonRequest.parseOptional(body);
        return endpoint.run(http, request, payments.capture(id, request));
    }

    @Operation(summary = "Cancel a payment before capture")
    @CommandOperation
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = io.walletledger.command.payment.PaymentResponse.class)))
    @Access(Permission.PAYMENTS_CANCEL)
    @Post("/{id}/cancel")
    HttpResponse<String> cancel(HttpRequest<?> http, @PathVariable String id, @Nullable @Body String body) {
        tenancy.requireOwnPayment(http, id);
        JsonRequest request = JsonRequest.parseOptional(body);
        return endpoint.run(http, request, payments.cancel(id, request));
    }

    @Operation(summary = "Refund part or all of a captured payment")
    @CommandOperation
    @RequestBody(content = @Content(schema = @Schema(implementation = ApiSchemas.RefundRequest.class)))
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = io.walletledger.command.payment.PaymentResponse.class)))
    @Access(Permission.PAYMENTS_REFUND)
    @Post("/{id}/refunds")
    HttpResponse<String> refund(HttpRequest<?> http, @PathVariable String id, @Body String body) {
        tenancy.requireOwnPayment(http, id);
        JsonRequest request = JsonRequest.parse(body);
        return endpoint.run(http, request, payments.refund(id, request));
    }
}
