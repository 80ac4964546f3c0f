package io.walletledger.loadgen;

import io.walletledger.loadgen.workload.RunSpec;
import io.walletledger.loadgen.workload.Scenario;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTest {

    @Test
    void the_defaults_are_the_local_stack_and_the_issue_s_population() {
        Options options = Options.parse("--rate", "200");
        assertThat(options.commandUrl()).isEqualTo("http://127.0.0.1:8081");
        assertThat(options.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(options.customers()).isEqualTo(10_000);
        assertThat(options.merchants()).isEqualTo(100);
        assertThat(options.mix()).containsExactly(80, 15, 5);
        assertThat(options.runs()).containsExactly(new RunSpec(Scenario.UNIFORM, false, 200, 64));
        assertThat(options.runs().getFirst().label()).isEqualTo("uniform@200/s");
    }

    @Test
    void a_plan_holds_open_and_closed_runs_with_the_concurrency_given() {
        Options options = Options.parse("--plan", "uniform:100, hot-payer:closed,kafka-intake:closed",
                "--concurrency", "16", "--duration", "1500ms", "--warmup", "0");
        assertThat(options.runs()).extracting(RunSpec::label)
                .containsExactly("uniform@100/s", "hot-payer@closed-16", "kafka-intake@closed-16");
        assertThat(options.duration()).isEqualTo(Duration.ofMillis(1500));
        assertThat(options.warmup()).isZero();
    }

    @Test
    void a_closed_loop_run_needs_no_rate_and_an_open_one_does() {
        assertThat(Options.parse("--scenario", "hot-merchant", "--closed-loop").runs().getFirst().closedLoop()).isTrue();
        assertThatThrownBy(() -> Options.parse("--scenario", "uniform")).hasMessageContaining("--rate");
    }

    @Test
    void a_misspelt_option_or_scenario_is_refused_with_the_usage() {
        assertThatThrownBy(() -> Options.parse("--rate", "10", "--custommers", "5"))
                .hasMessageContaining("unknown option(s) [--custommers]").hasMessageContaining("usage:");
        assertThatThrownBy(() -> Options.parse("--scenario", "cold-merchant", "--rate", "1"))
                .hasMessageContaining("unknown scenario");
    }
}
