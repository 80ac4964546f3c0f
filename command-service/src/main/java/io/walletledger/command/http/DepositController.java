package io.walletledger.command.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.walletledger.account.AccountId;
import io.walletledger.account.DepositFunds;
import io.walletledger.account.PaymentMethod;
import io.walletledger.money.Money;
import io.walletledger.servicekit.http.JsonRequest;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.Clock;
import java.time.Instant;

@Controller("/v1/deposits")
class DepositController {

    private final CommandGateway commands;
    private final Clock clock;

    DepositController(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    record AmountView(long amount, String currency) {
        static AmountView of(Money money) {
            return new AmountView(money.minorUnits(), money.currency().code());
        }
    }

    record DepositResponse(String id, String accountId, AmountView amount, PaymentMethod method, String reference,
                           String status, Instant createdAt) {
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<DepositResponse> deposit(@Body String body) {
        JsonRequest request = JsonRequest.parse(body);
        AccountId accountId = request.requiredAccountId("accountId");
        Money amount = request.requiredAmount("amount", "currency");
        PaymentMethod method = request.requiredEnum("method", PaymentMethod.class, PaymentMethod.values());
        String reference = request.optionalText("reference", 256);
        String depositId = Ids.next("dep");
        Instant now = clock.instant();
        commands.sendAndWait(new DepositFunds(accountId, depositId, amount, method, reference, now));
        return HttpResponse.created(new DepositResponse(depositId, accountId.value(), AmountView.of(amount), method,
                reference, "COMPLETED", now));
    }
}
