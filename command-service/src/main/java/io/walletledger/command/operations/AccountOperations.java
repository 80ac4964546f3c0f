package io.walletledger.command.operations;

import io.micronaut.http.HttpStatus;
import io.walletledger.account.AccountId;
import io.walletledger.account.AccountStatus;
import io.walletledger.account.AccountType;
import io.walletledger.account.CloseAccount;
import io.walletledger.account.FeeSchedule;
import io.walletledger.account.FreezeAccount;
import io.walletledger.account.KycLimits;
import io.walletledger.account.OpenAccount;
import io.walletledger.account.SetFeeSchedule;
import io.walletledger.account.UnfreezeAccount;
import io.walletledger.command.idempotency.AppendedEvents;
import io.walletledger.command.idempotency.ShownOnce;
import io.walletledger.command.payment.PaymentSettings;
import io.walletledger.command.secondfactor.SecondFactors;
import io.walletledger.money.CurrencyCode;
import io.walletledger.servicekit.http.JsonRequest;
import io.walletledger.servicekit.http.ProblemException;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.Clock;
import java.time.Instant;

/** Account operations, the same for HTTP and Kafka: read the body strictly, then the command to run. */
@Singleton
public class AccountOperations {

    private final CommandGateway commands;
    private final AppendedEvents appended;
    private final KycLimits limits;
    private final PaymentSettings payments;
    private final SecondFactors secondFactors;
    private final Clock clock;

    public AccountOperations(CommandGateway commands, AppendedEvents appended, KycLimits limits,
                             PaymentSettings payments, SecondFactors secondFactors, Clock clock) {
        this.commands = commands;
        this.appended = appended;
        this.limits = limits;
        this.payments = payments;
        this.secondFactors = secondFactors;
        this.clock = clock;
    }

    public record AccountResponse(String id, String ownerId, AccountType type, String currency, int kycTier,
                                  AccountStatus status, Instant openedAt, String consistencyToken) {
    }

    public record StatusResponse(String id, AccountStatus status, Instant changedAt, String consistencyToken) {
    }

    public record SecondFactorResponse(String accountId, String status, String otpauthUri, String consistencyToken) {
    }

    public Prepared open(JsonRequest request) {
        String ownerId = request.requiredText("ownerId", 128);
        AccountType type = request.requiredEnum("type", AccountType.class, AccountType.CUSTOMER, AccountType.MERCHANT);
        CurrencyCode currency = request.requiredCurrency("currency");
        int kycTier = request.optionalInt("kycTier", 1, 0, 99);
        FeeSchedule fee = feeOf(type, request.optionalObject("fee"));
        if (!limits.knows(kycTier)) {
            throw ProblemException.validation("'kycTier' must be one of the configured tiers "
                    + limits.dailyOutgoingMajorUnits().keySet());
        }
        return new Prepared(HttpStatus.CREATED, () -> {
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

    /** Enrolls a TOTP factor; the otpauth URI (with the secret) is in the first response only. */
    public Prepared enrollSecondFactor(String id, JsonRequest request) {
        AccountId account = Ids.account(id);
        return new Prepared(HttpStatus.CREATED, () -> {
            String uri = secondFactors.enroll(account);
            String token = appended.consistencyToken();
            return new ShownOnce(new SecondFactorResponse(id, "ENROLLED", uri, token),
                    new SecondFactorResponse(id, "ENROLLED", null, token));
        });
    }

    public Prepared freeze(String id, JsonRequest request) {
        String reason = request.optionalText("reason", 256);
        AccountId account = Ids.account(id);
        return status(id, AccountStatus.FROZEN, now -> commands.sendAndWait(new FreezeAccount(account, reason, now)));
    }

    public Prepared unfreeze(String id, JsonRequest request) {
        AccountId account = Ids.account(id);
        return status(id, AccountStatus.ACTIVE, now -> commands.sendAndWait(new UnfreezeAccount(account, now)));
    }

    public Prepared close(String id, JsonRequest request) {
        AccountId account = Ids.account(id);
        return status(id, AccountStatus.CLOSED, now -> commands.sendAndWait(new CloseAccount(account, now)));
    }

    private Prepared status(String id, AccountStatus after, java.util.function.Consumer<Instant> command) {
        return new Prepared(HttpStatus.OK, () -> {
            Instant now = clock.instant();
            command.accept(now);
            return new StatusResponse(id, after, now, appended.consistencyToken());
        });
    }
}
