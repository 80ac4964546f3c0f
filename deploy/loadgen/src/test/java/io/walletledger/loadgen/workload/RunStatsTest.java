package io.walletledger.loadgen.workload;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RunStatsTest {

    @Test
    void acceptedLatencyLeavesTheRejectedCommandsOut() {
        RunStats stats = new RunStats();
        stats.command("payment.request", 200_000_000L, true, null);
        stats.command("payment.request", 1_000_000L, false, "overloaded");
        stats.command("payment.authorize", 1_000_000L, false, "overloaded");

        assertEquals(3, stats.commandLatency().getTotalCount());
        assertEquals(1, stats.acceptedLatency().getTotalCount());
        assertEquals(200_000, stats.acceptedLatency().getMinValue(), 200);
        assertEquals(1, stats.accepted());
        assertEquals(Map.of("overloaded", 2L), stats.rejectedByCode());
    }
}
