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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a 4xx problem+json with a stable code, never a 5xx, and changes nothing. */
@ExtendWith(RealServices.class)
class BadInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static CommandServiceRunning service;
    private static PostgresDatabase database;
    private static String accountId;

    @BeforeAll
    static void start(KafkaEndpoint kafka, PostgresDatabase db) throws Exception {
        database = db;
        service = CommandServiceRunning.start(kafka, db);
        HttpResponse<String> opened = service.post("/v1/accounts",
                "{\"ownerId\":\"carol\",\"type\":\"CUSTOMER\",\"currency\":\"EUR\"}");
        accountId = JSON.readTree(opened.body()).get("id").asText();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            {"accountId":"ACC","amount":12.5,"currency":"EUR","method":"CARD"}   | 400 | invalid_amount
            {"accountId":"ACC","amount":0,"currency":"EUR","method":"CARD"}      | 400 | invalid_amount
            {"accountId":"ACC","amount":-5,"currency":"EUR","method":"CARD"}     | 400 | invalid_amount
            {"accountId":"ACC","amount":1000000000000001,"currency":"EUR","method":"CARD"} | 400 | invalid_amount
            {"accountId":"ACC","amount":99999999999999999999999,"currency":"EUR","method":"CARD"} | 400 | invalid_amount
            {"accountId":"ACC","amount":"12","currency":"EUR","method":"CARD"}   | 400 | invalid_amount
            {"accountId":"ACC","amount":12,"currency":"XYZ","method":"CARD"}     | 400 | unsupported_currency
            {"accountId":"ACC","amount":12,"currency":"USD","method":"CARD"}     | 422 | currency_mismatch
            {"accountId":"ACC","amount":12,"currency":"EUR","method":"CHEQUE"}   | 400 | validation_failed
            {"accountId":"ACC","amount":12,"currency":"EUR"}                     | 400 | validation_failed
            {"accountId":"acc_missing","amount":12,"currency":"EUR","method":"CARD"} | 404 | not_found
            {"accountId":"ACC","accountId":"ACC","amount":12,"currency":"EUR","method":"CARD"} | 400 | validation_failed
            [1,2,3]                                                               | 400 | validation_failed
            {"accountId":                                                         | 400 | validation_failed
            """)
    void deposits_with_bad_input_are_refused_without_effect(String body, int status, String code) throws Exception {
        long eventsBefore = storedEvents();
        HttpResponse<String> response = service.post("/v1/deposits", body.replace("ACC", accountId));

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"ownerId":"x","type":"SYSTEM","currency":"EUR"}    | validation_failed
            {"ownerId":"x","type":"CUSTOMER","currency":"EURO"} | unsupported_currency
            {"ownerId":"x","type":"CUSTOMER","currency":"XAU"}  | unsupported_currency
            {"ownerId":"","type":"CUSTOMER","currency":"EUR"}   | validation_failed
            {"ownerId":7,"type":"CUSTOMER","currency":"EUR"}    | validation_failed
            {"ownerId":"x","type":"CUSTOMER","currency":"EUR","kycTier":9} | validation_failed
            """)
    void accounts_with_bad_input_are_refused_without_effect(String body, String code) throws Exception {
        long eventsBefore = storedEvents();
        HttpResponse<String> response = service.post("/v1/accounts", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo(code);
        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }

    @ParameterizedTest(name = "{0} {1} → {2} {3}")
    @CsvSource(delimiter = '|', textBlock = """
            /v1/transfers | {"sourceAccountId":"ACC","destinationAccountId":"ACC","amount":5,"currency":"EUR"} | 400 | validation_failed
            /v1/transfers | {"sourceAccountId":"ACC","destinationAccountId":"acc_x","amount":-5,"currency":"EUR"} | 400 | invalid_amount
            /v1/transfers | {"sourceAccountId":"ACC","amount":5,"currency":"EUR"}                          | 400 | validation_failed
            /v1/payments  | {"merchantAccountId":"ACC","amount":5,"currency":"EUR","captureMethod":"MANUAL"} | 400 | validation_failed
            /v1/payments  | {"merchantAccountId":"ACC","amount":5,"currency":"EUR","orderReference":"o","captureMethod":"LATER"} | 400 | validation_failed
            /v1/payments  | {"merchantAccountId":"ACC","amount":5.5,"currency":"EUR","orderReference":"o","captureMethod":"MANUAL"} | 400 | invalid_amount
            /v1/payments  | {"merchantAccountId":"ACC","amount":5,"currency":"EUR","orderReference":"o","captureMethod":"MANUAL","expiresInSeconds":0} | 400 | validation_failed
            /v1/payments  | {"merchantAccountId":"ACC","amount":5,"currency":"EUR","orderReference":"o","captureMethod":"MANUAL"} | 422 | not_a_merchant
            /v1/payments/pay_x/authorize | {"paymentMethod":"CHEQUE"}                                      | 400 | validation_failed
            /v1/payments/pay_x/authorize | {"paymentMethod":"CARD"}                                        | 400 | validation_failed
            /v1/payments/pay_x/capture   | {"amount":"all","currency":"EUR"}                               | 400 | invalid_amount
            /v1/payments/pay_x/refunds   | {"currency":"EUR"}                                              | 400 | validation_failed
            /v1/payments/pay_x/refunds   | {"amount":5,"currency":"EUR"}                                   | 404 | not_found
            /v1/accounts/ACC/freeze      | {"reason":42}                                                   | 400 | validation_failed
            """)
    void transfers_payments_and_status_changes_with_bad_input_are_refused_without_effect(
            String path, String body, int status, String code) throws Exception {
        long eventsBefore = storedEvents();
        HttpResponse<String> response = service.post(path.replace("ACC", accountId), body.replace("ACC", accountId));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo(code);
        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }

    @Test
    void wrong_media_type_unknown_path_and_oversized_body_are_problems_too() throws Exception {
        HttpResponse<String> text = service.post("/v1/deposits", "hello", "text/plain");
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(JSON.readTree(text.body()).get("code").asText()).isEqualTo("unsupported_media_type");

        HttpResponse<String> unknown = service.get("/v1/nothing-here");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("code").asText()).isEqualTo("not_found");

        HttpResponse<String> huge = service.post("/v1/deposits", "{\"reference\":\"" + "x".repeat(200_000) + "\"}");
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    private static long storedEvents() throws Exception {
        try (Connection c = database.connect();
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
