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
import io.walletledger.command.operations.AccountOperations;

@Controller(value = "/v1/accounts", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
class AccountController {

    private final AccountOperations accounts;
    private final CommandEndpoint endpoint;

    AccountController(AccountOperations accounts, CommandEndpoint endpoint) {
        this.accounts = accounts;
        this.endpoint = endpoint;
    }

    @Operation(summary = "Open a CUSTOMER or MERCHANT account")
    @CommandOperation
    @RequestBody(content = @Content(schema = @Schema(implementation = ApiSchemas.OpenAccountRequest.class)))
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = AccountOperations.AccountResponse.class)))
    @Access(Permission.ACCOUNTS_OPEN)
    @Post
    HttpResponse<String> open(HttpRequest<?> http, @Body String body) {
        JsonRequest request = JsonRequest.parse(body);
        return endpoint.run(http, request, accounts.open(request));
    }

    @Operation(summary = "Enroll a TOTP second factor (the otpauth URI is shown once)")
    @CommandOperation
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = AccountOperations.SecondFactorResponse.class)))
    @Access(Permission.ACCOUNTS_MANAGE)
    @Post("/{id}/second-factor")
    HttpResponse<String> enrollSecondFactor(HttpRequest<?> http, @PathVariable String id, @Nullable @Body String body) {
        JsonRequest request = JsonRequest.parseOptional(body);
        return endpoint.run(http, request, accounts.enrollSecondFactor(id, request));
    }

    @Operation(summary = "Freeze an account: no debits until unfrozen")
    @CommandOperation
    @RequestBody(content = @Content(schema = @Schema(implementation = ApiSchemas.StatusChangeRequest.class)))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AccountOperations.StatusResponse.class)))
    @Access(Permission.ACCOUNTS_MANAGE)
    @Post("/{id}/freeze")
    HttpResponse<String> freeze(HttpRequest<?> http, @PathVariable String id, @Nullable @Body String body) {
        JsonRequest request = JsonRequest.parseOptional(body);
        return endpoint.run(http, request, accounts.freeze(id, request));
    }

    @Operation(summary = "Unfreeze an account")
    @CommandOperation
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AccountOperations.StatusResponse.class)))
    @Access(Permission.ACCOUNTS_MANAGE)
    @Post("/{id}/unfreeze")
    HttpResponse<String> unfreeze(HttpRequest<?> http, @PathVariable String id, @Nullable @Body String body) {
        JsonRequest request = JsonRequest.parseOptional(body);
        return endpoint.run(http, request, accounts.unfreeze(id, request));
    }

    @Operation(summary = "Close an account (zero balance, no holds, nothing in flight)")
    @CommandOperation
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AccountOperations.StatusResponse.class)))
    @Access(Permission.ACCOUNTS_MANAGE)
    @Post("/{id}/close")
    HttpResponse<String> close(HttpRequest<?> http, @PathVariable String id, @Nullable @Body String body) {
        JsonRequest request = JsonRequest.parseOptional(body);
        return endpoint.run(http, request, accounts.close(id, request));
    }
}
