package io.walletledger.command.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.walletledger.servicekit.database.DatabaseFailures;
import jakarta.annotation.PreDestroy;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Starts the tracking processors (the Kafka publisher, the transfer process, the merchant settlement)
 * again as soon as the database answers after an outage. Axon's processor retries a failed batch after
 * 1, 2, 4 … 60 s (fixed in Axon), so after a database outage of half a minute the events already
 * committed waited up to another minute to reach Kafka. Every {@code ledger.processors.revival-check}
 * this looks at each processor: one in its error state whose error is the database not answering
 * ({@link DatabaseFailures}) is shut down and started again, which starts its back-off afresh, once a
 * connection is valid again. Errors of any other kind (Kafka, a bug) keep Axon's back-off.
 */
@Context
final class ProcessorRevival {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessorRevival.class);

    private final Configuration axon;
    private final DataSource dataSource;
    private final Counter revived;
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("processor-revival").daemon().factory());

    ProcessorRevival(Configuration axon, DataSource dataSource, MeterRegistry meters,
                     @Value("${ledger.processors.revival-check:1s}") Duration every) {
        this.axon = axon;
        this.dataSource = dataSource;
        this.revived = Counter.builder("ledger.processors.revived")
                .description("tracking processors restarted when the database answered again after an outage")
                .register(meters);
        if (!every.isZero()) {
            checks.scheduleWithFixedDelay(this::check, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void check() {
        try {
            for (var processor : axon.eventProcessingConfiguration().eventProcessors().values()) {
                if (processor instanceof TrackingEventProcessor tracking && tracking.isRunning()
                        && waitingOnTheDatabase(tracking) && databaseAnswers()) {
                    LOG.info("{}: the database answers again; restarting the processor instead of waiting out "
                            + "its retry back-off", tracking.getName());
                    tracking.shutDown();
                    tracking.start();
                    revived.increment();
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("processor revival check failed: {}", e.toString());
        }
    }

    /** Whether a segment of the processor is in Axon's retry mode because the database did not answer. */
    static boolean waitingOnTheDatabase(TrackingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .anyMatch(status -> status.isErrorState() && DatabaseFailures.unavailable(status.getError()));
    }

    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @PreDestroy
    void stop() {
        checks.shutdownNow();
    }
}
