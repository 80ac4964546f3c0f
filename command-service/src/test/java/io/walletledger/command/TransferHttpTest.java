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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** P2P transfers as a process across two accounts, on real PostgreSQL. */
@ExtendWith(RealServices.class)
class TransferHttpTest {

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

    private static String open(String currency, long deposit) throws Exception {
        String id = JSON.readTree(service.post("/v1/accounts", "{\"ownerId\":\"t\",\"type\":\"CUSTOMER\",\"currency\":\""
                + currency + "\",\"kycTier\":3}").body()).get("id").asText();
        if (deposit > 0) {
            assertThat(service.post("/v1/deposits", "{\"accountId\":\"" + id + "\",\"amount\":" + deposit
                    + ",\"currency\":\"" + currency + "\",\"method\":\"CARD\"}").statusCode()).isEqualTo(201);
        }
        return id;
    }

    private static HttpResponse<String> transfer(String from, String to, long amount) throws Exception {
        return service.post("/v1/transfers", "{\"sourceAccountId\":\"" + from + "\",\"destinationAccountId\":\"" + to
                + "\",\"amount\":" + amount + ",\"currency\":\"EUR\",\"description\":\"rent\"}");
    }

    private static void awaitLast(String account, String type) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<StoredEvents.Stored> events = StoredEvents.of(database, account);
            return !events.isEmpty() && events.get(events.size() - 1).type().equals(type);
        });
    }

    @Test
    void I1_conservation_a_transfer_debits_the_source_and_then_credits_the_destination() throws Exception {
        String alice = open("EUR", 1_000);
        String bob = open("EUR", 0);
        HttpResponse<String> response = transfer(alice, bob, 300);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asText()).isEqualTo("PENDING");
        assertThat(body.get("consistencyToken").asText()).isEqualTo(alice + "@2");
        awaitLast(bob, "transfer.completed");
        assertThat(StoredEvents.balance(database, alice)).isEqualTo(700);
        assertThat(StoredEvents.balance(database, bob)).isEqualTo(300);

        // the source learns that its transfer landed: nothing is in flight, so it can close when empty
        awaitLast(alice, "transfer.debit_confirmed");
        service.post("/v1/withdrawals", "{\"accountId\":\"" + alice + "\",\"amount\":700,\"currency\":\"EUR\",\"method\":\"CASH\"}");
        assertThat(service.post("/v1/accounts/" + alice + "/close", "{}").statusCode()).isEqualTo(200);
    }

    @Test
    void I6_account_status_a_transfer_to_a_closed_account_is_reversed() throws Exception {
        String alice = open("EUR", 1_000);
        String closed = open("EUR", 0);
        service.post("/v1/accounts/" + closed + "/close", "{}");
        assertThat(transfer(alice, closed, 300).statusCode()).isEqualTo(201);

        awaitLast(alice, "transfer.reversed");
        List<StoredEvents.Stored> events = StoredEvents.of(database, alice);
        assertThat(events.get(events.size() - 1).payload().get("reason").asText()).isEqualTo("DESTINATION_CLOSED");
        assertThat(StoredEvents.balance(database, alice)).isEqualTo(1_000);
        assertThat(StoredEvents.balance(database, closed)).isZero();
    }

    @Test
    void I5_one_currency_a_transfer_to_an_account_in_another_currency_is_reversed() throws Exception {
        String alice = open("EUR", 1_000);
        String dollars = open("USD", 0);
        transfer(alice, dollars, 100);
        awaitLast(alice, "transfer.reversed");
        List<StoredEvents.Stored> events = StoredEvents.of(database, alice);
        assertThat(events.get(events.size() - 1).payload().get("reason").asText()).isEqualTo("CURRENCY_MISMATCH");
        assertThat(StoredEvents.balance(database, alice)).isEqualTo(1_000);
    }

    @Test
    void a_transfer_to_an_unknown_account_is_reversed() throws Exception {
        String alice = open("EUR", 1_000);
        transfer(alice, "acc_nobody", 100);
        awaitLast(alice, "transfer.reversed");
        List<StoredEvents.Stored> events = StoredEvents.of(database, alice);
        assertThat(events.get(events.size() - 1).payload().get("reason").asText()).isEqualTo("DESTINATION_NOT_FOUND");
    }

    @Test
    void the_debit_leg_is_refused_synchronously_and_a_self_transfer_is_invalid() throws Exception {
        String alice = open("EUR", 100);
        String bob = open("EUR", 0);
        HttpResponse<String> tooMuch = transfer(alice, bob, 101);
        assertThat(tooMuch.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(tooMuch.body()).get("code").asText()).isEqualTo("insufficient_funds");
        HttpResponse<String> self = transfer(alice, alice, 1);
        assertThat(self.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(self.body()).get("code").asText()).isEqualTo("validation_failed");
        assertThat(StoredEvents.of(database, alice)).hasSize(2);
    }

    @Test
    void I2_no_overdraft_under_concurrency_32_transfers_against_a_balance_covering_20() throws Exception {
        String payer = open("EUR", 10_000);
        String payee = open("EUR", 0);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<HttpResponse<String>> responses = new ArrayList<>();
        try {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                calls.add(() -> transfer(payer, payee, 500));
            }
            for (Future<HttpResponse<String>> f : pool.invokeAll(calls)) {
                responses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(responses.stream().filter(r -> r.statusCode() == 201)).hasSize(20);
        assertThat(responses.stream().filter(r -> r.statusCode() == 422)).hasSize(12);
        await().atMost(Duration.ofSeconds(30)).until(() -> StoredEvents.balance(database, payee) == 10_000);
        assertThat(StoredEvents.balance(database, payer)).isZero();
    }
}
