package io.walletledger.command.idempotency;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** {@code ledger.idempotency.*}: how long an outcome is kept for its key (default 24 h). */
@ConfigurationProperties("ledger.idempotency")
public class IdempotencySettings {

    private Duration retention = Duration.ofHours(24);
    private int concurrencyRetries = 64;

    public Duration getRetention() {
        return retention;
    }

    public void setRetention(Duration retention) {
        this.retention = retention;
    }

    public int getConcurrencyRetries() {
        return concurrencyRetries;
    }

    public void setConcurrencyRetries(int concurrencyRetries) {
        this.concurrencyRetries = concurrencyRetries;
    }
}
