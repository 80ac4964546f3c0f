package io.walletledger.loadgen;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RunExecutorTest {

    @Test
    void aCounterIsSummedOverItsTags() {
        String scrape = """
                # TYPE ledger_http_shed_total counter
                ledger_http_shed_total{route="/v1/payments"} 12.0
                ledger_http_shed_total{route="/v1/transfers"} 3.0
                ledger_http_shed_totally_else 99.0
                ledger_commands_concurrency_retries_total 4.0
                """;
        assertEquals(15.0, RunExecutor.sum(RunExecutor.SHED, scrape));
    }
}
