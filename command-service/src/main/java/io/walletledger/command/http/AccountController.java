package io.walletledger.command.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.walletledger.account.AccountId;
import io.walletledger.account.AccountStatus;
import io.walletledger.account.AccountType;
import io.walletledger.account.OpenAccount;
import io.walletledger.money.CurrencyCode;
import io.walletledger.servicekit.http.JsonRequest;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;

@Controller("/v1/accounts")
class AccountController {

    private final CommandGateway commands;
    private final Clock clock;

    AccountController(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    record AccountResponse(String id, String ownerId, AccountType type, String currency, int kycTier,
                           AccountStatus status, Instant openedAt) {
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<AccountResponse> open(@Body String body) {
        JsonRequest request = JsonRequest.parse(body);
        String ownerId = request.requiredText("ownerId", 128);
        AccountType type = request.requiredEnum("type", AccountType.class, AccountType.CUSTOMER, AccountType.MERCHANT);
        CurrencyCode currency = request.requiredCurrency("currency");
        int kycTier = request.optionalInt("kycTier", 1, 0, 3);
        AccountId id = AccountId.of(Ids.next("acc"));
        Instant now = clock.instant();
        commands.sendAndWait(new OpenAccount(id, ownerId, type, currency, kycTier, now));
        return HttpResponse.created(new AccountResponse(id.value(), ownerId, type, currency.code(), kycTier,
                AccountStatus.ACTIVE, now), URI.create("/v1/accounts/" + id.value()));
    }
}
