package io.walletledger.loadgen.observe;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectionLagProbeTest {

    @Test
    void the_probe_reads_the_first_account_of_a_consistency_token() {
        assertThat(ProjectionLagProbe.firstAccount("pay_1@2,acc_9@3,acc_7@4")).isEqualTo("acc_9");
        assertThat(ProjectionLagProbe.firstAccount("acc_5@1")).isEqualTo("acc_5");
        assertThat(ProjectionLagProbe.firstAccount("pay_1@0")).isNull();
    }
}
