package io.walletledger.command.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpStatus;
import io.micronaut.scheduling.annotation.Scheduled;
import io.walletledger.command.config.JdbcTransactionManager;
import io.walletledger.servicekit.http.Problem;
import io.walletledger.servicekit.http.ProblemException;
import io.walletledger.violation.LedgerViolation;
import jakarta.inject.Singleton;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * I7 exactly once: runs a command under an idempotency key. The key is claimed, the command handled
 * and the outcome recorded in one database transaction with the events it appends, so either all of
 * them exist or none. A repeated key with the same request returns the recorded outcome and changes
 * nothing; with a different request it is refused. Refusals (4xx) are recorded too: the first
 * outcome is the outcome. Optimistic-lock conflicts on an aggregate are retried from the start.
 */
@Singleton
public class IdempotentExecutor {

    private static final int IN_PROGRESS = 0;

    private final JdbcTransactionManager transactions;
    private final AppendedEvents appended;
    private final ObjectMapper json;
    private final Clock clock;
    private final IdempotencySettings settings;
    private final Counter lostRaces;

    public IdempotentExecutor(JdbcTransactionManager transactions, AppendedEvents appended, ObjectMapper json,
                              Clock clock, IdempotencySettings settings, MeterRegistry meters) {
        this.lostRaces = Counter.builder("ledger.commands.concurrency.retries")
                .description("operations retried because another writer appended to the same aggregate first")
                .register(meters);
        this.transactions = transactions;
        this.appended = appended;
        this.json = json;
        this.clock = clock;
        this.settings = settings;
    }

    /** The result of a request: its outcome, and whether it is a replay of an earlier one. */
    public record Result(Outcome outcome, boolean replayed) {
    }

    public Result execute(String scope, String key, String requestFingerprint, int successStatus,
                          Supplier<Object> command) {
        try {
            return executeWithRetries(scope, key, sha256(requestFingerprint), successStatus, command);
        } finally {
            appended.stop();
        }
    }

    private Result executeWithRetries(String scope, String key, String hash, int successStatus,
                                      Supplier<Object> command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(scope, key, hash, successStatus, command);
            } catch (ConcurrencyException conflict) {
                lostRaces.increment();
                if (attempt >= settings.getConcurrencyRetries()) {
                    throw new ProblemException(HttpStatus.CONFLICT, "concurrent_modification",
                            "the resource is being changed concurrently; retry with the same Idempotency-Key");
                }
                backOff(attempt);
            }
        }
    }

    /** Jittered, so that the losers of one optimistic race do not collide again in lockstep. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2 + Math.min(attempt, 10)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private Result attempt(String scope, String key, String hash, int successStatus, Supplier<Object> command) {
        Instant now = clock.instant();
        Transaction tx = transactions.startTransaction();
        try {
            IdempotencyRecords.insert(connection(), scope, key, hash, new Outcome(IN_PROGRESS, ""), now,
                    now.plus(settings.getRetention()));
        } catch (SQLException e) {
            rollbackAfter(tx, e);
            if (IdempotencyRecords.isUniqueViolation(e)) {
                return replay(scope, key, hash, successStatus, command);
            }
            throw new IllegalStateException("cannot record idempotency key", e);
        }
        appended.reset();
        // everything the command does sits behind this savepoint: a refusal undoes all of it, and the
        // refusal is then recorded under the key in the same transaction as the claim
        Transaction work = transactions.startTransaction();
        Outcome outcome;
        Outcome shown = null;
        try {
            Object body = command.get();
            if (body instanceof ShownOnce once) {
                shown = new Outcome(successStatus, write(once.full()));
                body = once.stored();
            }
            outcome = new Outcome(successStatus, write(body));
            work.commit();
        } catch (LedgerViolation | ProblemException | AggregateNotFoundException refused) {
            work.rollback();
            outcome = problemOf(refused);
        } catch (RuntimeException e) {
            rollbackAfter(tx, e);
            throw e;
        }
        try {
            IdempotencyRecords.complete(connection(), scope, key, outcome);
        } catch (SQLException e) {
            rollbackAfter(tx, e);
            throw new IllegalStateException("cannot record the outcome", e);
        }
        tx.commit();
        return new Result(shown == null ? outcome : shown, false);
    }

    /**
     * Rolls back after {@code failure}; a rollback that fails too (the connection broke with the
     * failure: the database drops its transaction) is kept as suppressed, so that the failure itself,
     * not "connection is closed", decides the answer (a lost database is 503, not 500).
     */
    private static void rollbackAfter(Transaction tx, Exception failure) {
        try {
            tx.rollback();
        } catch (RuntimeException rollbackFailed) {
            failure.addSuppressed(rollbackFailed);
        }
    }

    private Result replay(String scope, String key, String hash, int successStatus, Supplier<Object> command) {
        Optional<IdempotencyRecords.Stored> stored = read(scope, key);
        if (stored.isEmpty()) {
            throw new ProblemException(HttpStatus.CONFLICT, "idempotency_key_in_use",
                    "a request with this Idempotency-Key is still being processed; retry later");
        }
        if (stored.get().expiresAt().isBefore(clock.instant())) {
            purgeExpired();
            return attempt(scope, key, hash, successStatus, command);
        }
        if (!stored.get().requestHash().equals(hash)) {
            throw new ProblemException(HttpStatus.CONFLICT, "idempotency_key_reused",
                    "this Idempotency-Key was used for a different request");
        }
        return new Result(stored.get().outcome(), true);
    }

    private Outcome problemOf(RuntimeException refused) {
        Problem problem = switch (refused) {
            case LedgerViolation violation -> {
                ViolationCodes.Mapping mapping = ViolationCodes.of(violation);
                yield Problem.of(mapping.status().getCode(), mapping.code(), mapping.status().getReason(),
                        violation.getMessage());
            }
            case ProblemException p -> Problem.of(p.status().getCode(), p.code(), p.status().getReason(), p.getMessage());
            case AggregateNotFoundException nf -> Problem.of(404, "not_found", "Not Found",
                    "no such resource: " + nf.getAggregateIdentifier());
            default -> throw refused;
        };
        return new Outcome(problem.status(), write(problem));
    }

    private Optional<IdempotencyRecords.Stored> read(String scope, String key) {
        try (Connection c = transactions.getConnection()) {
            return IdempotencyRecords.find(c, scope, key);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read idempotency record", e);
        }
    }

    /** Drops outcomes past their retention, so their keys can be used again. */
    @Scheduled(fixedDelay = "10m", initialDelay = "1m")
    public void purgeExpired() {
        try (Connection c = transactions.getConnection()) {
            IdempotencyRecords.deleteExpired(c, clock.instant());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot purge idempotency records", e);
        }
    }

    private Connection connection() throws SQLException {
        return transactions.getConnection();
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize response", e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
