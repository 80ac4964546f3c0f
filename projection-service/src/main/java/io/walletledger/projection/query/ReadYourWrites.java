package io.walletledger.projection.query;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.walletledger.servicekit.kafka.VersionGuard;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Waits, bounded by {@code ledger.projections.read-your-writes-timeout} (5 s by default), until a read
 * model has applied a consistency token. Consumers signal after every commit, so a waiting reader
 * re-checks as soon as something was applied rather than on a timer alone.
 */
@Singleton
public class ReadYourWrites {

    /** What a query answered with: the caller's token was applied, or the answer may be older (stale). */
    public enum Consistency { APPLIED, STALE }

    public static final String TOKEN_HEADER = "Consistency-Token";
    public static final String RESULT_HEADER = "Consistency";

    private final DataSource dataSource;
    private final Duration timeout;
    private final Object progress = new Object();

    public ReadYourWrites(DataSource dataSource,
                          @Value("${ledger.projections.read-your-writes-timeout:5s}") Duration timeout) {
        this.dataSource = dataSource;
        this.timeout = timeout;
    }

    /** Called by the consumers after each commit. */
    public void signalProgress() {
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    /**
     * Answers a query once the read model applied the caller's token (from the query parameter, else the
     * header) or the wait timed out, with the {@code Consistency} header telling which.
     */
    public <T> MutableHttpResponse<T> answer(String consumerGroup, String tokenParameter, String tokenHeader,
                                             Supplier<T> query) {
        String token = tokenParameter != null && !tokenParameter.isBlank() ? tokenParameter : tokenHeader;
        Consistency consistency = await(consumerGroup, token);
        return HttpResponse.ok(query.get()).header(RESULT_HEADER, consistency.name().toLowerCase(Locale.ROOT));
    }

    Consistency await(String consumerGroup, String token) {
        ConsistencyToken parsed = ConsistencyToken.parse(token);
        if (parsed.isEmpty()) {
            return Consistency.APPLIED;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!applied(consumerGroup, parsed)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Consistency.STALE;
            }
            synchronized (progress) {
                try {
                    progress.wait(Math.max(1, Math.min(Duration.ofNanos(left).toMillis(), 100)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Consistency.STALE;
                }
            }
        }
        return Consistency.APPLIED;
    }

    private boolean applied(String consumerGroup, ConsistencyToken token) {
        try (Connection connection = dataSource.getConnection()) {
            for (Map.Entry<String, Long> entry : token.sequences().entrySet()) {
                if (VersionGuard.read(connection, consumerGroup, entry.getKey()) < entry.getValue()) {
                    return false;
                }
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read applied versions", e);
        }
    }
}
