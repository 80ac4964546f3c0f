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
import io.walletledger.account.AccountStatus;
import io.walletledger.account.AccountType;
import io.walletledger.account.CloseAccount;
import io.walletledger.account.FeeSchedule;
import io.walletledger.account.SetFeeSchedule;
import io.walletledger.command.idempotency.ShownOnce;
import io.walletledger.command.payment.PaymentSettings;
import io.walletledger.command.secondfactor.SecondFactors;
import io.walletledger.account.FreezeAccount;
import io.walletledger.account.KycLimits;
import io.walletledger.account.OpenAccount;
import io.walletledger.account.UnfreezeAccount;
import io.walletledger.command.idempotency.AppendedEvents;
import io.walletledger.money.CurrencyCode;
import io.walletledger.servicekit.http.JsonRequest;
import io.walletledger.servicekit.http.ProblemException;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.Clock;
import java.time.Instant;

@Controller(value = "/v1/accounts", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
class AccountController {

    private final CommandGateway commands;
    private final CommandEndpoint endpoint;
    private final AppendedEvents appended;
    private final KycLimits limits;
    private final PaymentSettings payments;
    private final SecondFactors secondFactors;
    private final Clock clock;

    AccountController(CommandGateway commands, CommandEndpoint endpoint, AppendedEvents appended, KycLimits limits,
                      PaymentSettings payments, SecondFactors secondFactors, Clock clock) {
        this.secondFactors = secondFactors;
        this.commands = commands;
        this.endpoint = endpoint;
        this.appended = appended;
        this.limits = limits;
        this.payments = payments;
        this.clock = clock;
    }

    record AccountResponse(String id, String ownerId, AccountType type, String currency, int kycTier,
                           AccountStatus status, Instant openedAt, String consistencyToken) {
    }

    record StatusResponse(String id, AccountStatus status, Instant changedAt, String consistencyToken) {
    }

    @Operation(summary = "Open a CUSTOMER or MERCHANT account")
    @CommandOperation
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = ApiSchemas.OpenAccountRequest.class)))
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = AccountResponse.class)))
    @Post
    HttpResponse<String> open(HttpRequest<?> http, @Body String body) {
        JsonRequest request = JsonRequest.parse(body);
        String ownerId = request.requiredText("ownerId", 128);
        AccountType type = request.requiredEnum("type", AccountType.class, AccountType.CUSTOMER, AccountType.MERCHANT);
        CurrencyCode currency = request.requiredCurrency("currency");
        int kycTier = request.optionalInt("kycTier", 1, 0, 99);
        FeeSchedule fee = feeOf(type, request.optionalObject("fee"));
        if (!limits.knows(kycTier)) {
            throw ProblemException.validation("'kycTier' must be one of the configured tiers "
                    + limits.dailyOutgoingMajorUnits().keySet());
        }
        return endpoint.run(http, request, HttpStatus.CREATED, () -> {
            AccountId id = AccountId.of(Ids.next("acc"));
            Instant now = clock.instant();
            commands.sendAndWait(new OpenAccount(id, ownerId, type, currency, kycTier, now));
            if (fee != null) {
                commands.sendAndWait(new SetFeeSchedule(id, fee, now));
            }
            return new AccountResponse(id.value(), ownerId, type, currency.code(), kycTier, AccountStatus.ACTIVE, now,
                    appended.consistencyToken());
        });
    }

    /** A MERCHANT pays the fee it was opened with, else the configured default; customers pay none. */
    private FeeSchedule feeOf(AccountType type, JsonRequest fee) {
        if (type != AccountType.MERCHANT) {
            if (fee != null) {
                throw ProblemException.validation("'fee' applies to MERCHANT accounts only");
            }
            return null;
        }
        if (fee == null) {
            return new FeeSchedule(payments.getDefaultFeeBasisPoints(), payments.getDefaultFeeFixedMinorUnits());
        }
        return new FeeSchedule(fee.optionalInt("basisPoints", 0, 0, 10_000),
                fee.optionalLong("fixedAmount", 0, 0, 1_000_000_000_000_000L));
    }

    record SecondFactorResponse(String accountId, String status, String otpauthUri, String consistencyToken) {
    }

    /** Enrolls a TOTP factor; the otpauth URI (with the secret) is in this response only, never again. */
    @Operation(summary = "Enroll a TOTP second factor (the otpauth URI is shown once)")
    @CommandOperation
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = SecondFactorResponse.class)))
    @Post("/{id}/second-factor")
    HttpResponse<String> enrollSecondFactor(HttpRequest<?> http, @PathVariable String id, @Nullable @Body String body) {
        JsonRequest request = JsonRequest.parseOptional(body);
        AccountId account = accountId(id);
        return endpoint.run(http, request, HttpStatus.CREATED, () -> {
            String uri = secondFactors.enroll(account);
            String token = appended.consistencyToken();
            return new ShownOnce(new SecondFactorResponse(id, "ENROLLED", uri, token),
                    new SecondFactorResponse(id, "ENROLLED", null, token));
        });
    }

    @Operation(summary = "Freeze an account: no debits until unfrozen")
    @CommandOperation
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = ApiSchemas.StatusChangeRequest.class)))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = StatusResponse.class)))
    @Post("/{id}/freeze")
    HttpResponse<String> freeze(HttpRequest<?> http, @PathVariable String id, @Nullable @Body String body) {
        JsonRequest request = JsonRequest.parseOptional(body);
        String reason = request.optionalText("reason", 256);
        AccountId account = accountId(id);
        return endpoint.run(http, request, HttpStatus.OK, () -> {
            Instant now = clock.instant();
            commands.sendAndWait(new FreezeAccount(account, reason, now));
            return new StatusResponse(id, AccountStatus.FROZEN, now, appended.consistencyToken());
        });
    }

    @Operation(summary = "Unfreeze an account")
    @CommandOperation
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = StatusResponse.class)))
    @Post("/{id}/unfreeze")
    HttpResponse<String> unfreeze(HttpRequest<?> http, @PathVariable String id, @Nullable @Body String body) {
        JsonRequest request = JsonRequest.parseOptional(body);
        AccountId account = accountId(id);
        return endpoint.run(http, request, HttpStatus.OK, () -> {
            Instant now = clock.instant();
            commands.sendAndWait(new UnfreezeAccount(account, now));
            return new StatusResponse(id, AccountStatus.ACTIVE, now, appended.consistencyToken());
        });
    }

    @Operation(summary = "Close an account (zero balance, no holds, nothing in flight)")
    @CommandOperation
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = StatusResponse.class)))
    @Post("/{id}/close")
    HttpResponse<String> close(HttpRequest<?> http, @PathVariable String id, @Nullable @Body String body) {
        JsonRequest request = JsonRequest.parseOptional(body);
        AccountId account = accountId(id);
        return endpoint.run(http, request, HttpStatus.OK, () -> {
            Instant now = clock.instant();
            commands.sendAndWait(new CloseAccount(account, now));
            return new StatusResponse(id, AccountStatus.CLOSED, now, appended.consistencyToken());
        });
    }

    private static AccountId accountId(String id) {
        try {
            return AccountId.of(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("no account " + id);
        }
    }
}
