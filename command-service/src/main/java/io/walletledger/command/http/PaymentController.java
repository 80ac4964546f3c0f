package io.walletledger.command.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import io.walletledger.account.AccountId;
import io.walletledger.command.payment.PaymentService;
import io.walletledger.command.payment.PaymentSettings;
import io.walletledger.money.Money;
import io.walletledger.payment.CaptureMethod;
import io.walletledger.payment.FundingSource;
import io.walletledger.payment.PaymentId;
import io.walletledger.servicekit.http.JsonRequest;
import io.walletledger.servicekit.http.ProblemException;

import java.time.Duration;

/** Merchant payments: request → authorize → capture → refunds; or cancel. */
@Controller(value = "/v1/payments", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
class PaymentController {

    private final PaymentService payments;
    private final CommandEndpoint endpoint;
    private final PaymentSettings settings;

    PaymentController(PaymentService payments, CommandEndpoint endpoint, PaymentSettings settings) {
        this.payments = payments;
        this.endpoint = endpoint;
        this.settings = settings;
    }

    @Operation(summary = "Request a payment (merchant)")
    @CommandOperation
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = ApiSchemas.PaymentRequest.class)))
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = io.walletledger.command.payment.PaymentResponse.class)))
    @Post
    HttpResponse<String> request(HttpRequest<?> http, @Body String body) {
        JsonRequest request = JsonRequest.parse(body);
        AccountId merchant = request.requiredAccountId("merchantAccountId");
        Money amount = request.requiredAmount("amount", "currency");
        String orderReference = request.requiredText("orderReference", 128);
        CaptureMethod captureMethod = request.requiredEnum("captureMethod", CaptureMethod.class, CaptureMethod.values());
        String description = request.optionalText("description", 256);
        int maxSeconds = (int) Math.min(Integer.MAX_VALUE, settings.getMaxRequestExpiry().toSeconds());
        int expiresIn = request.optionalInt("expiresInSeconds", -1, 1, maxSeconds);
        PaymentService.Request r = new PaymentService.Request(merchant, amount, orderReference, captureMethod,
                description, expiresIn < 0 ? null : Duration.ofSeconds(expiresIn));
        return endpoint.run(http, request, HttpStatus.CREATED, () -> payments.request(PaymentId.of(Ids.next("pay")), r));
    }

    @Operation(summary = "Authorize a payment from the payer's wallet (a hold) or by card")
    @CommandOperation
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = ApiSchemas.AuthorizeRequest.class)))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = io.walletledger.command.payment.PaymentResponse.class)))
    @Post("/{id}/authorize")
    HttpResponse<String> authorize(HttpRequest<?> http, @PathVariable String id, @Body String body) {
        JsonRequest request = JsonRequest.parse(body);
        PaymentId payment = paymentId(id);
        String method = request.optionalText("paymentMethod", 32);
        PaymentService.Authorization authorization;
        if (method == null || method.equals("WALLET")) {
            authorization = new PaymentService.Authorization(FundingSource.WALLET,
                    request.requiredAccountId("payerAccountId"), null, request.optionalText("secondFactorCode", 16));
        } else if (method.equals("CARD")) {
            authorization = new PaymentService.Authorization(FundingSource.CARD, null,
                    request.requiredText("cardReference", 128), null);
        } else {
            throw ProblemException.validation("'paymentMethod' must be WALLET or CARD, was '" + method + "'");
        }
        return endpoint.run(http, request, HttpStatus.OK, () -> payments.authorize(payment, authorization));
    }

    @Operation(summary = "Capture all or part of an authorized payment")
    @CommandOperation
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = ApiSchemas.CaptureRequest.class)))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = io.walletledger.command.payment.PaymentResponse.class)))
    @Post("/{id}/capture")
    HttpResponse<String> capture(HttpRequest<?> http, @PathVariable String id, @Nullable @Body String body) {
        JsonRequest request = JsonRequest.parseOptional(body);
        PaymentId payment = paymentId(id);
        Money amount = request.has("amount") ? request.requiredAmount("amount", "currency") : null;
        return endpoint.run(http, request, HttpStatus.OK, () -> payments.capture(payment, amount));
    }

    @Operation(summary = "Cancel a payment before capture")
    @CommandOperation
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = io.walletledger.command.payment.PaymentResponse.class)))
    @Post("/{id}/cancel")
    HttpResponse<String> cancel(HttpRequest<?> http, @PathVariable String id, @Nullable @Body String body) {
        JsonRequest request = JsonRequest.parseOptional(body);
        PaymentId payment = paymentId(id);
        return endpoint.run(http, request, HttpStatus.OK, () -> payments.cancel(payment));
    }

    @Operation(summary = "Refund part or all of a captured payment")
    @CommandOperation
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = ApiSchemas.RefundRequest.class)))
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = io.walletledger.command.payment.PaymentResponse.class)))
    @Post("/{id}/refunds")
    HttpResponse<String> refund(HttpRequest<?> http, @PathVariable String id, @Body String body) {
        JsonRequest request = JsonRequest.parse(body);
        PaymentId payment = paymentId(id);
        Money amount = request.requiredAmount("amount", "currency");
        String reason = request.optionalText("reason", 256);
        return endpoint.run(http, request, HttpStatus.CREATED,
                () -> payments.refund(payment, Ids.next("ref"), amount, reason));
    }

    private static PaymentId paymentId(String id) {
        try {
            return PaymentId.of(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("no payment " + id);
        }
    }
}
