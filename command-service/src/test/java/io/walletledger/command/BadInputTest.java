package io.walletledger.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.walletledger.testkit.KafkaEndpoint;
import io.walletledger.testkit.PostgresDatabase;
import io.walletledger.testkit.RealServices;
import io.walletledger.testkit.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.UUID;

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
            {"accountId":"ACC","amount":12,"currency":"EUR","method":"CARD"} x    | 400 | validation_failed
            {"accountId":"ACC","amount":12,"currency":"EUR","method":"CARD"}{"amount":5} | 400 | validation_failed
            {"accountId":"ACC","amount":12,"currency":"EUR","method":"CARD","reference":"a\\u0000b"} | 400 | validation_failed
            {"accountId":"ACC","amount":12,"currency":"EUR","method":"CARD","reference":"a\\ud800b"} | 400 | validation_failed
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

    /** Requests the framework used to bend into valid ones (found by BadInputFuzzIT): refused, nothing stored. */
    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            trailing slash                    | 404 | not_found
            empty segment                     | 404 | not_found
            lower-case method                 | 405 | method_not_allowed
            two Idempotency-Keys              | 400 | validation_failed
            two keys                          | 400 | validation_failed
            two media types                   | 400 | validation_failed
            gzip declared, plain body         | 415 | unsupported_media_type
            gzip body                         | 415 | unsupported_media_type
            unknown content coding            | 415 | unsupported_media_type
            no media type                     | 415 | unsupported_media_type
            """)
    void a_valid_deposit_sent_in_a_malformed_request_is_refused_without_effect(String how, int status, String code)
            throws Exception {
        long eventsBefore = storedEvents();
        String path = switch (how) {
            case "trailing slash" -> "/v1/deposits/";
            case "empty segment" -> "/v1//deposits";
            default -> "/v1/deposits";
        };
        String deposit = "{\"accountId\":\"" + accountId + "\",\"amount\":12,\"currency\":\"EUR\",\"method\":\"CARD\"}";
        HttpRequest.Builder request = HttpRequest.newBuilder(service.uri(path))
                .header("Authorization", "Bearer " + TestKeys.ADMIN)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .method(how.equals("lower-case method") ? "post" : "POST", how.equals("gzip body")
                        ? HttpRequest.BodyPublishers.ofByteArray(gzip(deposit)) : HttpRequest.BodyPublishers.ofString(deposit));
        if (!how.equals("no media type")) {
            request.header("Content-Type", "application/json");
        }
        switch (how) {
            case "two Idempotency-Keys" -> request.header("Idempotency-Key", UUID.randomUUID().toString());
            case "two keys" -> request.header("Authorization", "Bearer garbage");
            case "two media types" -> request.header("Content-Type", "text/plain");
            case "gzip declared, plain body", "gzip body" -> request.header("Content-Encoding", "gzip");
            case "unknown content coding" -> request.header("Content-Encoding", "x-fuzz");
            default -> { }
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo(code);
        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }

    @Test
    void control_characters_in_the_url_and_other_methods_on_static_documents_are_refused() throws Exception {
        HttpResponse<String> query = service.get("/v1/api-keys?role=%00");
        assertThat(query.statusCode()).as(query.body()).isEqualTo(400);
        assertThat(JSON.readTree(query.body()).get("code").asText()).isEqualTo("validation_failed");

        HttpResponse<String> path = service.get("/v1/api-keys/key_x%01");
        assertThat(path.statusCode()).as(path.body()).isEqualTo(404);
        assertThat(service.get("/swagger/wallet-ledger-command-api-1.yml%20").statusCode()).isEqualTo(404);
        assertThat(service.get("/swagger/wallet-ledger-command-api-1.yml%2F").statusCode()).isEqualTo(404);
        assertThat(rawGet("/swagger/wallet-ledger-command-api-1.yml#x")).startsWith("HTTP/1.1 404");

        String undecodable = rawGet("/v1/api-keys/key_%ZZ"); // java.net.URI refuses to send it
        assertThat(undecodable).as("not 401: the key was sent").startsWith("HTTP/1.1 400")
                .contains("application/problem+json").contains("\"code\":\"validation_failed\"");

        HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(service.uri(
                "/swagger/wallet-ledger-command-api-1.yml")).PUT(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(405);
        assertThat(JSON.readTree(put.body()).get("code").asText()).isEqualTo("method_not_allowed");
        assertThat(service.get("/swagger/wallet-ledger-command-api-1.yml").statusCode()).isEqualTo(200);
    }

    private static String rawGet(String target) throws java.io.IOException {
        java.net.URI base = service.uri("");
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                    + "Authorization: Bearer " + TestKeys.ADMIN + "\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static byte[] gzip(String text) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out)) {
            zip.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static long storedEvents() throws Exception {
        try (Connection c = database.connect();
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
