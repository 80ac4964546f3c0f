package io.walletledger.notification.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Context;
import io.walletledger.notification.WebhookSettings;
import io.walletledger.notification.endpoint.EndpointRepository;
import io.walletledger.notification.endpoint.SigningSecrets;
import io.walletledger.notification.merchant.NewEvents;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends the outbox: leases due deliveries (woken at once by newly committed events, otherwise every
 * {@code ledger.webhooks.poll-interval}), attempts each on a virtual thread, at most
 * {@code max-concurrent} at a time, and records every attempt with the delivery's next state in one
 * transaction. Several instances can share the outbox: a lease keeps a row to one of them.
 */
@Context
class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final int CLAIM_BATCH = 100;
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private final DeliveryRepository deliveries;
    private final WebhookSender sender;
    private final SigningSecrets secrets;
    private final NewEvents newEvents;
    private final WebhookSettings settings;
    private final RetrySchedule schedule;
    private final Semaphore inFlight;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final Thread thread = new Thread(this::run, "webhook-dispatcher");
    private final Timer firstAttemptDelay;
    private final Counter succeeded;
    private final Counter failed;
    private final Counter dead;
    private volatile boolean running = true;
    private Instant lastPrune = Instant.EPOCH;

    Dispatcher(DeliveryRepository deliveries, WebhookSender sender, SigningSecrets secrets, NewEvents newEvents,
               WebhookSettings settings, MeterRegistry meters) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.secrets = secrets;
        this.newEvents = newEvents;
        this.settings = settings;
        this.schedule = new RetrySchedule(settings.getRetrySchedule(), settings.getRetryJitter());
        this.inFlight = new Semaphore(settings.getMaxConcurrent());
        this.firstAttemptDelay = Timer.builder("ledger.webhooks.first.attempt.delay")
                .description("from the event's Kafka timestamp to the start of its first delivery attempt")
                .publishPercentiles(0.5, 0.99, 0.999).publishPercentileHistogram().register(meters);
        this.succeeded = attempts(meters, "success");
        this.failed = attempts(meters, "failure");
        this.dead = Counter.builder("ledger.webhooks.dead").description("deliveries given up (dead letters)")
                .register(meters);
    }

    private static Counter attempts(MeterRegistry meters, String outcome) {
        return Counter.builder("ledger.webhooks.attempts").tag("outcome", outcome).register(meters);
    }

    @PostConstruct
    void start() {
        thread.start();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
        workers.shutdown();
        workers.awaitTermination(settings.getTimeout().toMillis() + 1_000, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private void run() {
        while (running) {
            try {
                long seen = newEvents.generation();
                int claimed = dispatchDue();
                pruneNowAndThen();
                if (claimed == 0) {
                    newEvents.awaitAfter(seen, settings.getPollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RuntimeException e) {
                LOG.warn("webhook dispatcher: {}; retrying", e.toString());
                pauseAfterError();
            }
        }
    }

    private int dispatchDue() throws SQLException, InterruptedException {
        inFlight.acquire();
        int free = inFlight.availablePermits() + 1;
        inFlight.release();
        Instant now = Instant.now();
        Instant leaseUntil = now.plus(settings.getTimeout()).plusSeconds(30);
        List<DeliveryRepository.Claimed> due = deliveries.claim(Math.min(free, CLAIM_BATCH),
                UUID.randomUUID().toString(), now, leaseUntil);
        for (DeliveryRepository.Claimed delivery : due) {
            inFlight.acquire();
            workers.submit(() -> {
                try {
                    attempt(delivery);
                } finally {
                    inFlight.release();
                }
            });
        }
        return due.size();
    }

    private void attempt(DeliveryRepository.Claimed delivery) {
        Instant started = Instant.now();
        if (delivery.attempts() == 0) {
            firstAttemptDelay.record(Duration.between(delivery.publishedAt(), started));
        }
        try {
            DeliveryRepository.Outcome outcome = send(delivery, started);
            Instant retryAt = outcome.success() ? null
                    : schedule.next(delivery.attempts() + 1, Instant.now(), ThreadLocalRandom.current()::nextDouble)
                    .orElse(null);
            boolean disabled = record(delivery, started, outcome, retryAt);
            (outcome.success() ? succeeded : failed).increment();
            if (!outcome.success() && retryAt == null) {
                dead.increment();
                LOG.info("webhook {} to endpoint {} is dead after {} attempts: {}", delivery.messageId(),
                        delivery.endpointId(), delivery.attempts() + 1, outcome.error());
            }
            if (disabled) {
                LOG.warn("webhook endpoint {} disabled: failing for longer than {}", delivery.endpointId(),
                        settings.getDisableAfter());
            }
            newEvents.announce();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("webhook {}: attempt not recorded ({}); it will be attempted again when its lease ends",
                    delivery.messageId(), e.toString());
        }
    }

    private DeliveryRepository.Outcome send(DeliveryRepository.Claimed delivery, Instant started) throws SQLException {
        byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
        long timestamp = started.getEpochSecond();
        String signature;
        try (Connection connection = deliveries.connection()) {
            signature = WebhookSignature.sign(delivery.messageId(), timestamp, body,
                    secrets.signingKeys(connection, delivery.endpointId(), started));
        } catch (IllegalStateException e) {
            // e.g. the key that sealed the secret is no longer configured: a failed attempt, so the
            // delivery follows its schedule to a dead letter instead of being retried forever
            LOG.error("webhook {}: cannot sign: {}", delivery.messageId(), e.getMessage());
            return new DeliveryRepository.Outcome(false, null, 0, "cannot sign: " + e.getMessage(), null);
        }
        return sender.send(delivery.url(), delivery.messageId(), timestamp, signature, body);
    }

    private boolean record(DeliveryRepository.Claimed delivery, Instant started, DeliveryRepository.Outcome outcome,
                           Instant retryAt) throws SQLException {
        try (Connection tx = deliveries.connection()) {
            tx.setAutoCommit(false);
            try {
                boolean disabled = false;
                if (deliveries.finish(tx, delivery, started, outcome, retryAt)) {
                    // the endpoint's health follows each attempt, in the same transaction
                    if (outcome.success()) {
                        EndpointRepository.recordSuccess(tx, delivery.endpointId());
                    } else {
                        disabled = EndpointRepository.recordFailure(tx, delivery.endpointId(), Instant.now(),
                                settings.getDisableAfter(), outcome.error());
                    }
                }
                tx.commit();
                return disabled;
            } catch (SQLException | RuntimeException e) {
                tx.rollback();
                throw e;
            } finally {
                tx.setAutoCommit(true);
            }
        }
    }

    private void pruneNowAndThen() throws SQLException {
        Instant now = Instant.now();
        if (Duration.between(lastPrune, now).compareTo(PRUNE_EVERY) >= 0) {
            lastPrune = now;
            int pruned = deliveries.prune(now, settings.getRetention());
            if (pruned > 0) {
                LOG.info("webhook retention: forgot {} deliveries and events older than {}", pruned,
                        settings.getRetention());
            }
        }
    }

    private void pauseAfterError() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
