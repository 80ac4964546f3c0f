package io.walletledger.command.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.walletledger.command.idempotency.IdempotentExecutor;
import io.walletledger.command.idempotency.ViolationCodes;
import io.walletledger.command.operations.AccountOperations;
import io.walletledger.command.operations.MoneyOperations;
import io.walletledger.command.operations.PaymentOperations;
import io.walletledger.envelope.Topics;
import io.walletledger.servicekit.http.JsonRequest;
import io.walletledger.servicekit.http.Problem;
import io.walletledger.servicekit.http.ProblemException;
import io.walletledger.servicekit.kafka.DeadLetters;
import io.walletledger.violation.LedgerViolation;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * One command record → one outgoing record: its result, or the record itself on the dead-letter topic
 * when it is not a command at all. The command runs through the same operations and the same
 * idempotency executor as HTTP: its commandId is its Idempotency-Key. A command its issuer is not
 * granted is rejected (403 forbidden) before anything runs ({@link IntakeIssuers}). Infrastructure
 * failures (database down) are thrown, so the record is consumed again.
 */
@Singleton
class CommandHandler {

    static final String ANONYMOUS = "anonymous";
    static final String DLQ_REASON = DeadLetters.REASON;

    private final ObjectMapper json;
    private final AccountOperations accounts;
    private final MoneyOperations money;
    private final PaymentOperations payments;
    private final IdempotentExecutor executor;
    private final IntakeIssuers issuers;
    private final IntakeSettings settings;
    private final Clock clock;

    CommandHandler(ObjectMapper json, AccountOperations accounts, MoneyOperations money, PaymentOperations payments,
                   IdempotentExecutor executor, IntakeIssuers issuers, IntakeSettings settings, Clock clock) {
        this.json = json;
        this.accounts = accounts;
        this.money = money;
        this.payments = payments;
        this.executor = executor;
        this.issuers = issuers;
        this.settings = settings;
        this.clock = clock;
    }

    ProducerRecord<String, byte[]> handle(ConsumerRecord<String, byte[]> record) {
        CommandEnvelope command;
        try {
            command = CommandEnvelope.parse(json, record.value());
        } catch (CommandEnvelope.Unreadable unreadable) {
            return DeadLetters.of(record, unreadable.getMessage());
        }
        // a readable command its issuer may not send is answered, not dead-lettered, and records nothing
        CommandResult result = issuers.refusal(command).map(forbidden -> rejected(command, forbidden))
                .orElseGet(() -> execute(command));
        return new ProducerRecord<>(Topics.COMMAND_RESULTS, command.commandId(), write(result));
    }

    /**
     * A readable command that failed on its own again and again: its dead letter, and a result (status
     * 500, {@code command_failed}) so that its issuer is not left waiting. Its transactions rolled back:
     * it changed nothing.
     */
    List<ProducerRecord<String, byte[]>> giveUp(ConsumerRecord<String, byte[]> record, String reason) {
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>(List.of(DeadLetters.of(record, reason)));
        try {
            CommandEnvelope command = CommandEnvelope.parse(json, record.value());
            CommandResult failed = rejected(command, Problem.of(500, "command_failed", "Internal Server Error",
                    "the command failed repeatedly and was dead-lettered; it changed nothing"));
            out.add(new ProducerRecord<>(Topics.COMMAND_RESULTS, command.commandId(), write(failed)));
        } catch (CommandEnvelope.Unreadable unreadable) {
            // readable when it failed: cannot happen; the dead letter alone then
        }
        return out;
    }

    private CommandResult execute(CommandEnvelope command) {
        String poisoned = settings.getFailCommandsWithPrefix();
        if (poisoned != null && command.commandId().startsWith(poisoned)) {
            throw new IllegalStateException("fault injection: ledger.intake.fail-commands-with-prefix");
        }
        try {
            CommandType.Routed routed = command.type().route(JsonRequest.of(command.payload()), accounts, money, payments);
            IdempotentExecutor.Result outcome = executor.execute(ANONYMOUS, command.commandId(), routed.fingerprint(),
                    routed.prepared().success().getCode(), routed.prepared().command());
            return result(command, outcome.outcome().status(), outcome.outcome().body(), outcome.replayed());
        } catch (ProblemException refused) {
            return rejected(command, Problem.of(refused.status().getCode(), refused.code(),
                    refused.status().getReason(), refused.getMessage()));
        } catch (LedgerViolation refused) {
            ViolationCodes.Mapping mapping = ViolationCodes.of(refused);
            return rejected(command, Problem.of(mapping.status().getCode(), mapping.code(),
                    mapping.status().getReason(), refused.getMessage()));
        }
    }

    private CommandResult result(CommandEnvelope c, int status, String body, boolean replayed) {
        boolean accepted = status < 400;
        return new CommandResult(c.commandId(), c.type().wireName(), c.issuer(),
                accepted ? CommandResult.ACCEPTED : CommandResult.REJECTED, status, accepted ? body : null,
                accepted ? null : body, replayed, clock.instant());
    }

    private CommandResult rejected(CommandEnvelope c, Problem problem) {
        return new CommandResult(c.commandId(), c.type().wireName(), c.issuer(), CommandResult.REJECTED,
                problem.status(), null, new String(write(problem), StandardCharsets.UTF_8), false, clock.instant());
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize command result", e);
        }
    }
}
