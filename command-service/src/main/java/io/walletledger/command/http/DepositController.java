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
import io.walletledger.command.operations.MoneyOperations;

/** Money in (deposits), out (withdrawals) and between accounts (transfers). */
@Controller(value = "/v1", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
class DepositController {

    private final MoneyOperations money;
    private final CommandEndpoint endpoint;

    DepositController(MoneyOperations money, CommandEndpoint endpoint) {
        this.money = money;
        this.endpoint = endpoint;
    }

    @Operation(summary = "Deposit (top up) from a payment method")
    @CommandOperation
    @RequestBody(content = @Content(schema = @Schema(implementation = ApiSchemas.MovementRequest.class)))
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = MoneyOperations.MovementResponse.class)))
    @Access(Permission.DEPOSITS_CREATE)
    @Post("/deposits")
    HttpResponse<String> deposit(HttpRequest<?> http, @Body String body) {
        JsonRequest request = JsonRequest.parse(body);
        return endpoint.run(http, request, money.deposit(request));
    }

    @Operation(summary = "Withdraw to a payment method")
    @CommandOperation
    @RequestBody(content = @Content(schema = @Schema(implementation = ApiSchemas.MovementRequest.class)))
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = MoneyOperations.MovementResponse.class)))
    @Access(Permission.WITHDRAWALS_CREATE)
    @Post("/withdrawals")
    HttpResponse<String> withdraw(HttpRequest<?> http, @Body String body) {
        JsonRequest request = JsonRequest.parse(body);
        return endpoint.run(http, request, money.withdraw(request));
    }

    @Operation(summary = "Transfer between two accounts (P2P); status and outcome on projection-service")
    @CommandOperation
    @RequestBody(content = @Content(schema = @Schema(implementation = ApiSchemas.TransferRequest.class)))
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = MoneyOperations.TransferResponse.class)))
    @Access(Permission.TRANSFERS_CREATE)
    @Post("/transfers")
    HttpResponse<String> transfer(HttpRequest<?> http, @Body String body) {
        JsonRequest request = JsonRequest.parse(body);
        return endpoint.run(http, request, money.transfer(request));
    }
}
