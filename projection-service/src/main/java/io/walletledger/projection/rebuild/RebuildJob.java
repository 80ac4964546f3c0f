package io.walletledger.projection.rebuild;

import io.walletledger.projection.ProjectionConsumers;
import io.walletledger.servicekit.kafka.ConsumerSettings;
import io.walletledger.servicekit.kafka.KafkaSettings;
import jakarta.inject.Singleton;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds every read model from {@code ledger.events.v1}: replays the whole topic into fresh tables
 * while the live projections keep serving, then stops the live consumers, replays what arrived
 * meanwhile, copies the fresh tables over the live ones in one transaction and restarts the
 * consumers, which resume from the offsets stored with the rebuilt rows.
 */
@Singleton
public class RebuildJob {

    private static final Logger LOG = LoggerFactory.getLogger(RebuildJob.class);

    private final DataSource dataSource;
    private final ProjectionConsumers consumers;
    private final KafkaSettings kafka;
    private final ConsumerSettings settings;
    private final AtomicReference<RebuildProgress> progress = new AtomicReference<>(RebuildProgress.idle());

    RebuildJob(DataSource dataSource, ProjectionConsumers consumers, KafkaSettings kafka, ConsumerSettings settings) {
        this.dataSource = dataSource;
        this.consumers = consumers;
        this.kafka = kafka;
        this.settings = settings;
    }

    public RebuildProgress progress() {
        return progress.get();
    }

    /** Starts a rebuild unless one runs; returns the progress either way. */
    public synchronized RebuildProgress start() {
        RebuildProgress current = progress.get();
        if (current.state() == RebuildProgress.State.REPLAYING || current.state() == RebuildProgress.State.SWITCHING) {
            return current;
        }
        Instant startedAt = Instant.now();
        progress.set(new RebuildProgress(RebuildProgress.State.REPLAYING, 0, 0, 0, 0, startedAt, null, null));
        Thread thread = new Thread(() -> run(startedAt), "projection-rebuild");
        thread.setDaemon(true);
        thread.start();
        return progress.get();
    }

    private void run(Instant startedAt) {
        boolean consumersStopped = false;
        RebuildSchema schema = null;
        try {
            schema = new RebuildSchema(dataSource);
            schema.create();
            try (Replay replay = new Replay(dataSource, schema.name(), consumers.projectors(),
                    kafka.getBootstrapServers(), Math.max(settings.getMaxPollRecords(), 5000))) {
                Map<TopicPartition, Long> targets = replay.endOffsets();
                long total = replay.remaining(targets);
                report(RebuildProgress.State.REPLAYING, replay, targets, total, startedAt);
                replay.replayUntil(targets, () -> report(RebuildProgress.State.REPLAYING, replay, targets, total, startedAt));
                report(RebuildProgress.State.SWITCHING, replay, targets, total, startedAt);
                consumers.stop();
                consumersStopped = true;
                Map<TopicPartition, Long> finalTargets = replay.endOffsets();
                long finalTotal = replay.applied() + replay.remaining(finalTargets);
                replay.replayUntil(finalTargets,
                        () -> report(RebuildProgress.State.SWITCHING, replay, finalTargets, finalTotal, startedAt));
                schema.switchOver();
                consumers.start();
                consumersStopped = false;
                long events = replay.applied();
                progress.set(new RebuildProgress(RebuildProgress.State.DONE, events, events, rate(events, startedAt), 0,
                        startedAt, Instant.now(), null));
                LOG.info("rebuild: {} events replayed at {} events/s and switched over; {} skipped by a read model that "
                        + "could not apply them (as live, see the ERROR lines)", events, rate(events, startedAt), replay.skipped());
            }
        } catch (Exception e) {
            LOG.error("rebuild failed; the live read models are unchanged", e);
            RebuildProgress last = progress.get();
            progress.set(new RebuildProgress(RebuildProgress.State.FAILED, last.eventsApplied(), last.eventsTotal(),
                    last.eventsPerSecond(), last.lag(), startedAt, Instant.now(), e.toString()));
        } finally {
            if (consumersStopped) {
                consumers.start();
            }
            dropQuietly(schema);
        }
    }

    private void report(RebuildProgress.State state, Replay replay, Map<TopicPartition, Long> targets, long total,
                        Instant startedAt) {
        long applied = replay.applied();
        progress.set(new RebuildProgress(state, applied, Math.max(total, applied), rate(applied, startedAt),
                replay.remaining(targets), startedAt, null, null));
    }

    private static long rate(long events, Instant since) {
        long millis = Math.max(1, Duration.between(since, Instant.now()).toMillis());
        return events * 1000 / millis;
    }

    private static void dropQuietly(RebuildSchema schema) {
        if (schema == null) {
            return;
        }
        try {
            schema.drop();
        } catch (Exception e) {
            LOG.warn("rebuild: could not drop {}: {}", schema.name(), e.toString());
        }
    }
}
