package io.walletledger.servicekit.kafka;

import java.time.Instant;
import java.util.Map;

/**
 * What health and operators need to know about one consumer: whether its thread runs, how far
 * behind it is per partition, when it last committed and what failed last.
 */
public record ConsumerStatus(String name, boolean running, Map<Integer, Long> lagByPartition, long eventsApplied,
                             Instant lastCommitAt, Instant failingSince, String lastError) {

    public long totalLag() {
        return lagByPartition.values().stream().mapToLong(Long::longValue).sum();
    }
}
