package io.walletledger.servicekit.kafka;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DOWN when an event consumer's thread has died, or when it is stalled: records wait (lag) or batches
 * fail, and nothing has been committed for {@code ledger.consumers.stall-after}.
 */
@Singleton
public class ConsumersHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final ConsumerRegistry registry;
    private final ConsumerSettings settings;
    private final Instant startedAt = Instant.now();

    public ConsumersHealthIndicator(ConsumerRegistry registry, ConsumerSettings settings) {
        this.registry = registry;
        this.settings = settings;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> details = new LinkedHashMap<>();
        HealthStatus status = HealthStatus.UP;
        for (ConsumerStatus consumer : registry.statuses()) {
            String problem = problemOf(consumer, Instant.now());
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("lag", consumer.totalLag());
            detail.put("eventsApplied", consumer.eventsApplied());
            detail.put("lastCommitAt", consumer.lastCommitAt() == null ? null : consumer.lastCommitAt().toString());
            if (problem != null) {
                detail.put("problem", problem);
                detail.put("lastError", consumer.lastError());
                status = HealthStatus.DOWN;
            }
            details.put(consumer.name(), detail);
        }
        healthStatus = status;
        return details;
    }

    String problemOf(ConsumerStatus consumer, Instant now) {
        if (!consumer.running()) {
            return "consumer thread stopped";
        }
        Duration stallAfter = settings.getStallAfter();
        Instant lastProgress = consumer.lastCommitAt() == null ? startedAt : consumer.lastCommitAt();
        boolean waiting = consumer.totalLag() > 0 || consumer.failingSince() != null;
        if (waiting && lastProgress.plus(stallAfter).isBefore(now)) {
            return "stalled: nothing committed for " + Duration.between(lastProgress, now).toSeconds() + " s";
        }
        return null;
    }

    @Override
    protected String getName() {
        return "consumers";
    }
}
