package io.walletledger.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.walletledger.testkit.KafkaEndpoint;
import io.walletledger.testkit.PostgresDatabase;
import io.walletledger.testkit.RealServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Account rules (I2, I6, I9) through the HTTP API on real PostgreSQL, each refusal with its problem code. */
@ExtendWith(RealServices.class)
class AccountRulesHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static CommandServiceRunning service;
    private static PostgresDatabase database;
    private static KafkaEndpoint kafka;

    @BeforeAll
    static void start(KafkaEndpoint broker, PostgresDatabase db) {
        database = db;
        kafka = broker;
        service = CommandServiceRunning.start(broker, db);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static String open(int tier) throws Exception {
        HttpResponse<String> r = service.post("/v1/accounts",
                "{\"ownerId\":\"r\",\"type\":\"CUSTOMER\",\"currency\":\"EUR\",\"kycTier\":" + tier + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("id").asText();
    }

    private static HttpResponse<String> move(String path, String account, long amount) throws Exception {
        return service.post(path, "{\"accountId\":\"" + account + "\",\"amount\":" + amount
                + ",\"currency\":\"EUR\",\"method\":\"BANK_TRANSFER\"}");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo(code);
    }

    @Test
    void I2_no_overdraft_a_withdrawal_above_the_balance_is_insufficient_funds() throws Exception {
        String account = open(3);
        move("/v1/deposits", account, 1_000);
        assertProblem(move("/v1/withdrawals", account, 1_001), 422, "insufficient_funds");
        assertThat(move("/v1/withdrawals", account, 1_000).statusCode()).isEqualTo(201);
    }

    @Test
    void I6_account_status_freeze_blocks_debits_unfreeze_restores_them() throws Exception {
        String account = open(3);
        move("/v1/deposits", account, 1_000);
        assertThat(service.post("/v1/accounts/" + account + "/freeze", "{\"reason\":\"review\"}").statusCode()).isEqualTo(200);
        assertProblem(move("/v1/withdrawals", account, 10), 422, "account_frozen");
        assertThat(move("/v1/deposits", account, 10).statusCode()).isEqualTo(201);
        assertProblem(service.post("/v1/accounts/" + account + "/freeze", "{}"), 409, "invalid_state");
        assertThat(service.post("/v1/accounts/" + account + "/unfreeze", "").statusCode()).isEqualTo(200);
        assertThat(move("/v1/withdrawals", account, 10).statusCode()).isEqualTo(201);
    }

    @Test
    void I6_account_status_close_needs_a_zero_balance_and_then_nothing_is_accepted() throws Exception {
        String account = open(3);
        move("/v1/deposits", account, 50);
        assertProblem(service.post("/v1/accounts/" + account + "/close", "{}"), 422, "account_not_empty");
        move("/v1/withdrawals", account, 50);
        assertThat(service.post("/v1/accounts/" + account + "/close", "{}").statusCode()).isEqualTo(200);
        assertProblem(move("/v1/deposits", account, 1), 422, "account_closed");
        assertProblem(service.post("/v1/accounts/acc_unknown/close", "{}"), 404, "not_found");
    }

    @Test
    void I9_limits_the_daily_outgoing_limit_of_the_tier_is_limit_exceeded() throws Exception {
        String account = open(0); // tier 0: 100.00 EUR a day
        move("/v1/deposits", account, 50_000);
        assertThat(move("/v1/withdrawals", account, 9_000).statusCode()).isEqualTo(201);
        assertProblem(move("/v1/withdrawals", account, 1_001), 422, "limit_exceeded");
        assertThat(move("/v1/withdrawals", account, 1_000).statusCode()).isEqualTo(201);
    }

    @Test
    void I2_no_overdraft_under_concurrency_32_withdrawals_against_a_balance_covering_20() throws Exception {
        String account = open(3);
        move("/v1/deposits", account, 10_000);
        double retriesBefore = service.retries();
        assertTwentyOfThirtyTwoWithdrawalsPass(account, List.of(service));
        // the payer is one aggregate: in one instance its concurrent debits take turns (AggregateLocks), so
        // none of them loses an optimistic race, and none is lost
        assertThat(service.retries()).isEqualTo(retriesBefore);
        // ...and its state was loaded from snapshots along the way
        try (Connection c = database.connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = '" + account + "'")) {
            rs.next();
            assertThat(rs.getLong(1)).isPositive();
        }
    }

    @Test
    void I2_no_overdraft_when_two_instances_on_one_database_race_for_one_account() throws Exception {
        String account = open(3);
        move("/v1/deposits", account, 10_000);
        try (CommandServiceRunning other = CommandServiceRunning.start(kafka, database)) {
            double retriesBefore = service.retries() + other.retries();
            assertTwentyOfThirtyTwoWithdrawalsPass(account, List.of(service, other));
            // the instances' locks are their own: across them, debits race at the unique (aggregate, sequence)
            // key, and the losers are run again, never lost
            assertThat(service.retries() + other.retries()).isGreaterThan(retriesBefore);
        }
    }

    /** 32 concurrent withdrawals of 5.00 EUR from 100.00 EUR, sent to the instances in turn. */
    private static void assertTwentyOfThirtyTwoWithdrawalsPass(String account, List<CommandServiceRunning> instances)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<HttpResponse<String>> responses = new ArrayList<>();
        try {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                CommandServiceRunning instance = instances.get(i % instances.size());
                calls.add(() -> instance.post("/v1/withdrawals", "{\"accountId\":\"" + account
                        + "\",\"amount\":500,\"currency\":\"EUR\",\"method\":\"BANK_TRANSFER\"}"));
            }
            for (Future<HttpResponse<String>> f : pool.invokeAll(calls)) {
                responses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(responses.stream().filter(r -> r.statusCode() == 201)).hasSize(20);
        assertThat(responses.stream().filter(r -> r.statusCode() == 422)).hasSize(12)
                .allSatisfy(r -> assertThat(r.body()).contains("insufficient_funds"));
        assertThat(storedBalance(account)).isZero();
    }

    /** The balance as the event store has it: deposits minus withdrawals of the account's stream. */
    private static long storedBalance(String account) throws Exception {
        long balance = 0;
        try (Connection c = database.connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT payload_type, payload FROM domain_event_entry WHERE aggregate_identifier = '" + account
                        + "' ORDER BY sequence_number")) {
            while (rs.next()) {
                long amount = JSON.readTree(rs.getBytes(2)).at("/amount/amount").asLong();
                switch (rs.getString(1)) {
                    case "account.funds_deposited" -> balance += amount;
                    case "account.funds_withdrawn" -> balance -= amount;
                    default -> { }
                }
            }
        }
        return balance;
    }
}
