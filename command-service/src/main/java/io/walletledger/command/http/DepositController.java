package io.walletledger.command.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import io.walletledger.account.AccountId;
import io.walletledger.account.DepositFunds;
import io.walletledger.account.PaymentMethod;
import io.walletledger.account.WithdrawFunds;
import io.walletledger.command.idempotency.AppendedEvents;
import io.walletledger.money.Money;
import io.walletledger.servicekit.http.JsonRequest;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.Clock;
import java.time.Instant;

/** Money in (deposits, debiting the method's funding account) and out (withdrawals, crediting it). */
@Controller(value = "/v1", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
class DepositController {

    private final CommandGateway commands;
    private final CommandEndpoint endpoint;
    private final AppendedEvents appended;
    private final Clock clock;

    DepositController(CommandGateway commands, CommandEndpoint endpoint, AppendedEvents appended, Clock clock) {
        this.commands = commands;
        this.endpoint = endpoint;
        this.appended = appended;
        this.clock = clock;
    }

    record MovementResponse(String id, String accountId, AmountView amount, PaymentMethod method, String reference,
                            String status, Instant createdAt, String consistencyToken) {
    }

    private record Movement(AccountId accountId, Money amount, PaymentMethod method, String reference) {
        static Movement read(JsonRequest request) {
            return new Movement(request.requiredAccountId("accountId"), request.requiredAmount("amount", "currency"),
                    request.requiredEnum("method", PaymentMethod.class, PaymentMethod.values()),
                    request.optionalText("reference", 256));
        }
    }

    @Operation(summary = "Deposit (top up) from a payment method")
    @CommandOperation
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = ApiSchemas.MovementRequest.class)))
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = MovementResponse.class)))
    @Post("/deposits")
    HttpResponse<String> deposit(HttpRequest<?> http, @Body String body) {
        JsonRequest request = JsonRequest.parse(body);
        Movement m = Movement.read(request);
        return endpoint.run(http, request, HttpStatus.CREATED, () -> {
            String id = Ids.next("dep");
            Instant now = clock.instant();
            commands.sendAndWait(new DepositFunds(m.accountId(), id, m.amount(), m.method(), m.reference(), now));
            return new MovementResponse(id, m.accountId().value(), AmountView.of(m.amount()), m.method(),
                    m.reference(), "COMPLETED", now, appended.consistencyToken());
        });
    }

    @Operation(summary = "Withdraw to a payment method")
    @CommandOperation
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = ApiSchemas.MovementRequest.class)))
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = MovementResponse.class)))
    @Post("/withdrawals")
    HttpResponse<String> withdraw(HttpRequest<?> http, @Body String body) {
        JsonRequest request = JsonRequest.parse(body);
        Movement m = Movement.read(request);
        return endpoint.run(http, request, HttpStatus.CREATED, () -> {
            String id = Ids.next("wdr");
            Instant now = clock.instant();
            commands.sendAndWait(new WithdrawFunds(m.accountId(), id, m.amount(), m.method(), m.reference(), now));
            return new MovementResponse(id, m.accountId().value(), AmountView.of(m.amount()), m.method(),
                    m.reference(), "COMPLETED", now, appended.consistencyToken());
        });
    }
}
