package io.walletledger.loadgen.observe;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StackProcessesTest {

    /** A process measured with its children (PostgreSQL's server and backends) counts their CPU, living or ended. */
    @Test
    @Timeout(120)
    void a_member_with_children_counts_their_cpu_while_they_run_and_after_they_ended() throws Exception {
        long self = ProcessHandle.current().pid();
        StackProcesses processes = StackProcesses.of(List.of(
                new StackProcesses.Member("alone", self), new StackProcesses.Member("family", self, true)));
        long before = childTicks(processes.sample());

        Process child = new ProcessBuilder("sh", "-c", "while :; do :; done")
                .start();
        long childCpuMillis = 0;
        while (childCpuMillis < 700) { // until the busy loop has burnt 0.7 s of CPU
            childCpuMillis = child.toHandle().info().totalCpuDuration().orElseThrow().toMillis();
            Thread.onSpinWait();
        }
        long whileRunning = childTicks(processes.sample());
        child.destroy();
        child.waitFor(); // reaped: its CPU moves to this process's cutime
        long afterEnd = childTicks(processes.sample());

        long atLeast = (long) (0.6 * processes.ticksPerSecond());
        assertThat(whileRunning - before).as("ticks of a living child").isGreaterThanOrEqualTo(atLeast);
        assertThat(afterEnd - before).as("ticks of a child that ended").isGreaterThanOrEqualTo(atLeast);
        assertThat(processes.sample().peakResidentKiB()).containsKey("alone").doesNotContainKey("family");
    }

    /** The family's ticks beyond the process's own. */
    private static long childTicks(StackProcesses.Sample sample) {
        return sample.cpuTicks().get("family") - sample.cpuTicks().get("alone");
    }
}
