package io.walletledger.command.operations;

import io.micronaut.http.HttpStatus;
import io.walletledger.account.AccountId;
import io.walletledger.account.DebitForTransfer;
import io.walletledger.account.DepositFunds;
import io.walletledger.account.PaymentMethod;
import io.walletledger.account.WithdrawFunds;
import io.walletledger.command.idempotency.AppendedEvents;
import io.walletledger.money.Money;
import io.walletledger.servicekit.http.JsonRequest;
import io.walletledger.servicekit.http.ProblemException;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.Clock;
import java.time.Instant;

/** Money in (deposits), out (withdrawals) and between accounts (transfers), for HTTP and Kafka alike. */
@Singleton
public class MoneyOperations {

    private final CommandGateway commands;
    private final AppendedEvents appended;
    private final Clock clock;

    public MoneyOperations(CommandGateway commands, AppendedEvents appended, Clock clock) {
        this.commands = commands;
        this.appended = appended;
        this.clock = clock;
    }

    public record AmountView(long amount, String currency) {
        static AmountView of(Money money) {
            return new AmountView(money.minorUnits(), money.currency().code());
        }
    }

    public record MovementResponse(String id, String accountId, AmountView amount, PaymentMethod method,
                                   String reference, String status, Instant createdAt, String consistencyToken) {
    }

    /**
     * The response confirms the debit leg (checked synchronously: I2, I6, I9); the credit leg follows
     * within moments through the transfer process, or the debit is reversed.
     */
    public record TransferResponse(String id, String sourceAccountId, String destinationAccountId, AmountView amount,
                                   String description, String status, Instant createdAt, String consistencyToken) {
    }

    private record Movement(AccountId accountId, Money amount, PaymentMethod method, String reference) {
        static Movement read(JsonRequest request) {
            return new Movement(request.requiredAccountId("accountId"), request.requiredAmount("amount", "currency"),
                    request.requiredEnum("method", PaymentMethod.class, PaymentMethod.values()),
                    request.optionalText("reference", 256));
        }
    }

    public Prepared deposit(JsonRequest request) {
        Movement m = Movement.read(request);
        return new Prepared(HttpStatus.CREATED, () -> {
            String id = Ids.next("dep");
            Instant now = clock.instant();
            commands.sendAndWait(new DepositFunds(m.accountId(), id, m.amount(), m.method(), m.reference(), now));
            return new MovementResponse(id, m.accountId().value(), AmountView.of(m.amount()), m.method(),
                    m.reference(), "COMPLETED", now, appended.consistencyToken());
        });
    }

    public Prepared withdraw(JsonRequest request) {
        Movement m = Movement.read(request);
        return new Prepared(HttpStatus.CREATED, () -> {
            String id = Ids.next("wdr");
            Instant now = clock.instant();
            commands.sendAndWait(new WithdrawFunds(m.accountId(), id, m.amount(), m.method(), m.reference(), now));
            return new MovementResponse(id, m.accountId().value(), AmountView.of(m.amount()), m.method(),
                    m.reference(), "COMPLETED", now, appended.consistencyToken());
        });
    }

    public Prepared transfer(JsonRequest request) {
        AccountId source = request.requiredAccountId("sourceAccountId");
        AccountId destination = request.requiredAccountId("destinationAccountId");
        Money amount = request.requiredAmount("amount", "currency");
        String description = request.optionalText("description", 256);
        if (source.equals(destination)) {
            throw ProblemException.validation("'sourceAccountId' and 'destinationAccountId' must differ");
        }
        return new Prepared(HttpStatus.CREATED, () -> {
            String id = Ids.next("trf");
            Instant now = clock.instant();
            commands.sendAndWait(new DebitForTransfer(source, id, amount, destination, description, now));
            return new TransferResponse(id, source.value(), destination.value(), AmountView.of(amount), description,
                    "PENDING", now, appended.consistencyToken());
        });
    }
}
