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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Merchant payments over HTTP on real PostgreSQL: holds, captures, refunds, fees, cancel, expiry. */
@ExtendWith(RealServices.class)
class PaymentHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static CommandServiceRunning service;
    private static PostgresDatabase database;

    @BeforeAll
    static void start(KafkaEndpoint kafka, PostgresDatabase db) {
        database = db;
        service = CommandServiceRunning.start(kafka, db, Map.of(
                "ledger.payments.deadline-poll", "200ms",
                "ledger.payments.deadline-initial-delay", "200ms"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    static String open(String type, String currency, long deposit) throws Exception {
        HttpResponse<String> r = service.post("/v1/accounts", "{\"ownerId\":\"o\",\"type\":\"" + type
                + "\",\"currency\":\"" + currency + "\",\"kycTier\":3"
                + (type.equals("MERCHANT") ? ",\"fee\":{\"basisPoints\":290,\"fixedAmount\":30}" : "") + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String id = JSON.readTree(r.body()).get("id").asText();
        if (deposit > 0) {
            service.post("/v1/deposits", "{\"accountId\":\"" + id + "\",\"amount\":" + deposit + ",\"currency\":\""
                    + currency + "\",\"method\":\"BANK_TRANSFER\"}");
        }
        return id;
    }

    static JsonNode ok(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    static void problem(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo(code);
    }

    static String request(String merchant, long amount, String capture, String extra) throws Exception {
        return ok(service.post("/v1/payments", "{\"merchantAccountId\":\"" + merchant + "\",\"amount\":" + amount
                + ",\"currency\":\"EUR\",\"orderReference\":\"order-1\",\"captureMethod\":\"" + capture + "\"" + extra
                + "}"), 201).get("id").asText();
    }

    static HttpResponse<String> authorize(String payment, String payer) throws Exception {
        return service.post("/v1/payments/" + payment + "/authorize", "{\"payerAccountId\":\"" + payer + "\"}");
    }

    @Test
    void I4_payment_bounds_a_manual_wallet_payment_is_held_partly_captured_and_refunded_up_to_the_capture() throws Exception {
        String shop = open("MERCHANT", "EUR", 0);
        String alice = open("CUSTOMER", "EUR", 10_000);
        String payment = request(shop, 5_000, "MANUAL", "");

        JsonNode authorized = ok(authorize(payment, alice), 200);
        assertThat(authorized.get("status").asText()).isEqualTo("AUTHORIZED");
        assertThat(StoredEvents.held(database, alice)).isEqualTo(5_000);
        problem(service.post("/v1/withdrawals", "{\"accountId\":\"" + alice
                + "\",\"amount\":5001,\"currency\":\"EUR\",\"method\":\"CASH\"}"), 422, "insufficient_funds");

        problem(service.post("/v1/payments/" + payment + "/capture", "{\"amount\":5001,\"currency\":\"EUR\"}"),
                422, "capture_exceeds_authorized");
        JsonNode captured = ok(service.post("/v1/payments/" + payment + "/capture",
                "{\"amount\":3000,\"currency\":\"EUR\"}"), 200);
        assertThat(captured.get("status").asText()).isEqualTo("CAPTURED");
        assertThat(StoredEvents.held(database, alice)).isZero();
        assertThat(StoredEvents.balance(database, alice)).isEqualTo(7_000);
        // the merchant is credited by the settlement processor, less 2.9 % + 0.30
        await().atMost(Duration.ofSeconds(20)).until(() -> StoredEvents.balance(database, shop) == 3_000 - 117);
        assertThat(StoredEvents.of(database, shop).get(StoredEvents.of(database, shop).size() - 1)
                .payload().at("/fee/amount").asLong()).isEqualTo(87 + 30);

        JsonNode refunded = ok(service.post("/v1/payments/" + payment + "/refunds",
                "{\"amount\":1000,\"currency\":\"EUR\",\"reason\":\"damaged\"}"), 201);
        assertThat(refunded.get("status").asText()).isEqualTo("PARTIALLY_REFUNDED");
        problem(service.post("/v1/payments/" + payment + "/refunds", "{\"amount\":2001,\"currency\":\"EUR\"}"),
                422, "refund_exceeds_captured");
        // fees are not returned: the merchant holds 1,883 and must top up before refunding the last 2,000 (I2)
        problem(service.post("/v1/payments/" + payment + "/refunds", "{\"amount\":2000,\"currency\":\"EUR\"}"),
                422, "insufficient_funds");
        service.post("/v1/deposits", "{\"accountId\":\"" + shop + "\",\"amount\":117,\"currency\":\"EUR\",\"method\":\"BANK_TRANSFER\"}");
        assertThat(ok(service.post("/v1/payments/" + payment + "/refunds", "{\"amount\":2000,\"currency\":\"EUR\"}"),
                201).get("status").asText()).isEqualTo("REFUNDED");
        assertThat(StoredEvents.balance(database, alice)).isEqualTo(10_000);
        assertThat(StoredEvents.balance(database, shop)).isZero();
    }

    @Test
    void an_automatic_payment_is_captured_on_authorization_and_a_card_payment_passes_through() throws Exception {
        String shop = open("MERCHANT", "EUR", 0);
        String bob = open("CUSTOMER", "EUR", 2_000);
        String automatic = request(shop, 1_000, "AUTOMATIC", "");
        assertThat(ok(authorize(automatic, bob), 200).get("status").asText()).isEqualTo("CAPTURED");
        assertThat(StoredEvents.balance(database, bob)).isEqualTo(1_000);

        String card = request(shop, 10_000, "AUTOMATIC", "");
        JsonNode byCard = ok(service.post("/v1/payments/" + card + "/authorize",
                "{\"paymentMethod\":\"CARD\",\"cardReference\":\"tok_visa_4242\"}"), 200);
        assertThat(byCard.get("status").asText()).isEqualTo("CAPTURED");
        assertThat(byCard.get("fundingSource").asText()).isEqualTo("CARD");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> StoredEvents.balance(database, shop) == (1_000 - 59) + (10_000 - 320));
    }

    @Test
    void I2_no_overdraft_an_authorization_beyond_the_balance_is_declined_and_can_be_retried_later() throws Exception {
        String shop = open("MERCHANT", "EUR", 0);
        String carol = open("CUSTOMER", "EUR", 100);
        String payment = request(shop, 500, "MANUAL", "");
        problem(authorize(payment, carol), 422, "insufficient_funds");
        assertThat(StoredEvents.types(database, payment)).containsExactly("payment.requested");

        service.post("/v1/deposits", "{\"accountId\":\"" + carol + "\",\"amount\":400,\"currency\":\"EUR\",\"method\":\"CASH\"}");
        assertThat(ok(authorize(payment, carol), 200).get("status").asText()).isEqualTo("AUTHORIZED");
    }

    @Test
    void I3_holds_canceling_releases_the_hold_and_a_captured_payment_cannot_be_canceled() throws Exception {
        String shop = open("MERCHANT", "EUR", 0);
        String dan = open("CUSTOMER", "EUR", 1_000);
        String payment = request(shop, 600, "MANUAL", "");
        ok(authorize(payment, dan), 200);
        assertThat(ok(service.post("/v1/payments/" + payment + "/cancel", "{}"), 200).get("status").asText())
                .isEqualTo("CANCELED");
        assertThat(StoredEvents.held(database, dan)).isZero();
        assertThat(StoredEvents.balance(database, dan)).isEqualTo(1_000);

        String other = request(shop, 100, "AUTOMATIC", "");
        ok(authorize(other, dan), 200);
        problem(service.post("/v1/payments/" + other + "/cancel", ""), 409, "invalid_state");
    }

    @Test
    void payments_go_to_merchants_in_their_currency_only() throws Exception {
        String customer = open("CUSTOMER", "EUR", 0);
        problem(service.post("/v1/payments", "{\"merchantAccountId\":\"" + customer
                + "\",\"amount\":100,\"currency\":\"EUR\",\"orderReference\":\"o\",\"captureMethod\":\"MANUAL\"}"),
                422, "not_a_merchant");
        String yenShop = open("MERCHANT", "JPY", 0);
        problem(service.post("/v1/payments", "{\"merchantAccountId\":\"" + yenShop
                + "\",\"amount\":100,\"currency\":\"EUR\",\"orderReference\":\"o\",\"captureMethod\":\"MANUAL\"}"),
                422, "currency_mismatch");
        problem(service.post("/v1/payments", "{\"merchantAccountId\":\"acc_none\",\"amount\":100,\"currency\":\"EUR\","
                + "\"orderReference\":\"o\",\"captureMethod\":\"MANUAL\"}"), 404, "not_found");
        problem(service.post("/v1/payments/pay_none/capture", "{}"), 404, "not_found");
    }

    @Test
    void I2_no_overdraft_under_concurrency_16_transfers_and_16_authorizations_against_a_balance_covering_20()
            throws Exception {
        String shop = open("MERCHANT", "EUR", 0);
        String payer = open("CUSTOMER", "EUR", 10_000);
        String payee = open("CUSTOMER", "EUR", 0);
        java.util.List<String> payments = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            payments.add(request(shop, 500, i % 2 == 0 ? "MANUAL" : "AUTOMATIC", ""));
        }
        java.util.List<java.util.concurrent.Callable<HttpResponse<String>>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String payment = payments.get(i);
            calls.add(() -> authorize(payment, payer));
            calls.add(() -> service.post("/v1/transfers", "{\"sourceAccountId\":\"" + payer
                    + "\",\"destinationAccountId\":\"" + payee + "\",\"amount\":500,\"currency\":\"EUR\"}"));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(32);
        java.util.List<HttpResponse<String>> responses = new java.util.ArrayList<>();
        try {
            for (var f : pool.invokeAll(calls)) {
                responses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(responses.stream().filter(r -> r.statusCode() < 300)).hasSize(20);
        assertThat(responses.stream().filter(r -> r.statusCode() >= 300))
                .allSatisfy(r -> assertThat(r.body()).contains("insufficient_funds"));
        assertThat(StoredEvents.balance(database, payer) - StoredEvents.held(database, payer)).isZero();
        assertThat(StoredEvents.balance(database, payer)).isGreaterThanOrEqualTo(0);
    }

    @Test
    void a_hot_merchant_does_not_serialize_its_customers_payments() throws Exception {
        String shop = open("MERCHANT", "EUR", 0);
        java.util.List<String> payers = new java.util.ArrayList<>();
        java.util.List<String> payments = new java.util.ArrayList<>();
        for (int i = 0; i < 24; i++) {
            payers.add(open("CUSTOMER", "EUR", 1_000));
            payments.add(request(shop, 1_000, "AUTOMATIC", ""));
        }
        double retriesBefore = service.retries();
        java.util.List<java.util.concurrent.Callable<HttpResponse<String>>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String payment = payments.get(i);
            String payer = payers.get(i);
            calls.add(() -> authorize(payment, payer));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(24);
        try {
            for (var f : pool.invokeAll(calls)) {
                assertThat(f.get().statusCode()).as(f.get().body()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        // captures touch only the payment and its payer: no optimistic conflict on the merchant
        assertThat(service.retries()).isEqualTo(retriesBefore);
        await().atMost(Duration.ofSeconds(30)).until(() -> StoredEvents.balance(database, shop) == 24L * (1_000 - 59));
    }

    @Test
    void an_unauthorized_request_expires_by_its_durable_deadline() throws Exception {
        String shop = open("MERCHANT", "EUR", 0);
        String payment = request(shop, 100, "MANUAL", ",\"expiresInSeconds\":1");
        await().atMost(Duration.ofSeconds(20)).until(() -> StoredEvents.types(database, payment).contains("payment.expired"));
        String eve = open("CUSTOMER", "EUR", 1_000);
        problem(authorize(payment, eve), 409, "invalid_state");
    }
}
