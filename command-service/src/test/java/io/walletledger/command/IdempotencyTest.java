package io.walletledger.command;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** I7 exactly once, over real HTTP on real PostgreSQL. */
@ExtendWith(RealServices.class)
class IdempotencyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static CommandServiceRunning service;
    private static PostgresDatabase database;

    @BeforeAll
    static void start(KafkaEndpoint kafka, PostgresDatabase db) {
        database = db;
        service = CommandServiceRunning.start(kafka, db);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static String openAccount() throws Exception {
        return JSON.readTree(service.post("/v1/accounts",
                "{\"ownerId\":\"ida\",\"type\":\"CUSTOMER\",\"currency\":\"EUR\",\"kycTier\":3}").body()).get("id").asText();
    }

    private static String deposit(String account, long amount) {
        return "{\"accountId\":\"" + account + "\",\"amount\":" + amount + ",\"currency\":\"EUR\",\"method\":\"CARD\"}";
    }

    @Test
    void I7_exactly_once_a_repeated_key_returns_the_first_response_and_changes_nothing() throws Exception {
        String account = openAccount();
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = service.postWithKey("/v1/deposits", deposit(account, 500), key);
        HttpResponse<String> again = service.postWithKey("/v1/deposits", deposit(account, 500), key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(eventsOf(account)).isEqualTo(2);
    }

    @Test
    void I7_exactly_once_whitespace_does_not_make_a_different_request() throws Exception {
        String account = openAccount();
        String key = UUID.randomUUID().toString();
        service.postWithKey("/v1/deposits", deposit(account, 500), key);
        HttpResponse<String> again = service.postWithKey("/v1/deposits", "  " + deposit(account, 500) + "\n", key);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(eventsOf(account)).isEqualTo(2);
    }

    @Test
    void I7_exactly_once_the_same_key_with_a_different_request_is_refused() throws Exception {
        String account = openAccount();
        String key = UUID.randomUUID().toString();
        service.postWithKey("/v1/deposits", deposit(account, 500), key);
        HttpResponse<String> other = service.postWithKey("/v1/deposits", deposit(account, 501), key);

        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(other.body()).get("code").asText()).isEqualTo("idempotency_key_reused");
        assertThat(eventsOf(account)).isEqualTo(2);
    }

    @Test
    void I7_exactly_once_a_refusal_is_the_first_outcome_too() throws Exception {
        String account = openAccount();
        String key = UUID.randomUUID().toString();
        String withdrawal = deposit(account, 700).replace("CARD", "BANK_TRANSFER");
        HttpResponse<String> refused = service.postWithKey("/v1/withdrawals", withdrawal, key);
        service.post("/v1/deposits", deposit(account, 10_000));
        HttpResponse<String> retried = service.postWithKey("/v1/withdrawals", withdrawal, key);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(refused.body()).get("code").asText()).isEqualTo("insufficient_funds");
        assertThat(retried.statusCode()).isEqualTo(422);
        assertThat(retried.body()).isEqualTo(refused.body());
        assertThat(eventsOf(account)).isEqualTo(2);
    }

    @Test
    void a_post_without_idempotency_key_is_refused() throws Exception {
        String account = openAccount();
        HttpResponse<String> response = service.post("/v1/deposits", deposit(account, 5), "application/json", null);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo("validation_failed");
        assertThat(eventsOf(account)).isEqualTo(1);
    }

    @Test
    void I7_exactly_once_concurrent_requests_with_one_key_apply_once() throws Exception {
        String account = openAccount();
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> service.postWithKey("/v1/deposits", deposit(account, 300), key));
            }
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> f : pool.invokeAll(calls)) {
                responses.add(f.get());
            }
            String created = responses.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow().body();
            assertThat(responses).allSatisfy(r -> {
                if (r.statusCode() == 201) {
                    assertThat(r.body()).isEqualTo(created);
                } else {
                    assertThat(r.statusCode()).isEqualTo(409);
                    JsonNode problem = JSON.readTree(r.body());
                    assertThat(problem.get("code").asText()).isEqualTo("idempotency_key_in_use");
                }
            });
        } finally {
            pool.shutdownNow();
        }
        assertThat(eventsOf(account)).isEqualTo(2);
    }

    private static long eventsOf(String account) throws Exception {
        try (Connection c = database.connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '" + account + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
