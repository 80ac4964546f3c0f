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
import io.walletledger.account.DebitForTransfer;
import io.walletledger.command.idempotency.AppendedEvents;
import io.walletledger.money.Money;
import io.walletledger.servicekit.http.JsonRequest;
import io.walletledger.servicekit.http.ProblemException;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.Clock;
import java.time.Instant;

/**
 * P2P transfers. The response confirms the debit leg (checked synchronously: I2, I6, I9); the credit
 * leg follows within moments through the transfer process, or the debit is reversed. Status and
 * outcome: {@code GET /v1/transfers/{id}} on projection-service, with the consistency token.
 */
@Controller(value = "/v1/transfers", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
class TransferController {

    private final CommandGateway commands;
    private final CommandEndpoint endpoint;
    private final AppendedEvents appended;
    private final Clock clock;

    TransferController(CommandGateway commands, CommandEndpoint endpoint, AppendedEvents appended, Clock clock) {
        this.commands = commands;
        this.endpoint = endpoint;
        this.appended = appended;
        this.clock = clock;
    }

    record TransferResponse(String id, String sourceAccountId, String destinationAccountId, AmountView amount,
                            String description, String status, Instant createdAt, String consistencyToken) {
    }

    @Operation(summary = "Transfer between two accounts (P2P)")
    @CommandOperation
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = ApiSchemas.TransferRequest.class)))
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = TransferResponse.class)))
    @Post
    HttpResponse<String> transfer(HttpRequest<?> http, @Body String body) {
        JsonRequest request = JsonRequest.parse(body);
        AccountId source = request.requiredAccountId("sourceAccountId");
        AccountId destination = request.requiredAccountId("destinationAccountId");
        Money amount = request.requiredAmount("amount", "currency");
        String description = request.optionalText("description", 256);
        if (source.equals(destination)) {
            throw ProblemException.validation("'sourceAccountId' and 'destinationAccountId' must differ");
        }
        return endpoint.run(http, request, HttpStatus.CREATED, () -> {
            String id = Ids.next("trf");
            Instant now = clock.instant();
            commands.sendAndWait(new DebitForTransfer(source, id, amount, destination, description, now));
            return new TransferResponse(id, source.value(), destination.value(), AmountView.of(amount), description,
                    "PENDING", now, appended.consistencyToken());
        });
    }
}
