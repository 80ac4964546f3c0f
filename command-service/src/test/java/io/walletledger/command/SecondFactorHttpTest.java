package io.walletledger.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.walletledger.command.secondfactor.Totp;
import io.walletledger.testkit.KafkaEndpoint;
import io.walletledger.testkit.PostgresDatabase;
import io.walletledger.testkit.RealServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** TOTP second factor on authorizations, over HTTP on real PostgreSQL. */
@ExtendWith(RealServices.class)
class SecondFactorHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static CommandServiceRunning service;
    private static PostgresDatabase database;
    private static PaymentHttpTestSupport flow;

    @BeforeAll
    static void start(KafkaEndpoint kafka, PostgresDatabase db) {
        database = db;
        service = CommandServiceRunning.start(kafka, db, Map.of("ledger.second-factor.max-failures", 3));
        flow = new PaymentHttpTestSupport(service);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private record Enrolled(String account, byte[] secret, String base32) {
    }

    private static Enrolled enroll() throws Exception {
        String account = flow.open("CUSTOMER", 10_000);
        String key = UUID.randomUUID().toString();
        HttpResponse<String> r = service.postWithKey("/v1/accounts/" + account + "/second-factor", "{}", key);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        URI uri = URI.create(JSON.readTree(r.body()).get("otpauthUri").asText());
        assertThat(uri.getScheme()).isEqualTo("otpauth");
        String base32 = uri.getQuery().replaceAll(".*secret=([A-Z2-7]+).*", "$1");

        HttpResponse<String> replay = service.postWithKey("/v1/accounts/" + account + "/second-factor", "{}", key);
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.body()).doesNotContain(base32).contains("ENROLLED");
        return new Enrolled(account, decodeBase32(base32), base32);
    }

    private static HttpResponse<String> authorize(String payment, String payer, String code) throws Exception {
        return authorize(service, payment, payer, code);
    }

    private static HttpResponse<String> authorize(CommandServiceRunning as, String payment, String payer, String code)
            throws Exception {
        return as.post("/v1/payments/" + payment + "/authorize", "{\"payerAccountId\":\"" + payer + "\""
                + (code == null ? "" : ",\"secondFactorCode\":\"" + code + "\"") + "}");
    }

    private static String code(byte[] secret, long stepOffset) {
        return Totp.code(secret, Totp.step(Instant.now()) + stepOffset);
    }

    private static String problemCode(HttpResponse<String> r) throws Exception {
        JsonNode body = JSON.readTree(r.body());
        return r.statusCode() + " " + (body.has("code") ? body.get("code").asText() : body.get("status").asText());
    }

    @Test
    void an_enrolled_payer_authorizes_only_with_a_valid_unused_code() throws Exception {
        Enrolled payer = enroll();
        String shop = flow.open("MERCHANT", 0);
        String payment = flow.request(shop, 100);

        assertThat(problemCode(authorize(payment, payer.account(), null))).isEqualTo("422 second_factor_required");
        String wrong = code(payer.secret(), 0).equals("000000") ? "111111" : "000000";
        assertThat(problemCode(authorize(payment, payer.account(), wrong))).isEqualTo("422 second_factor_invalid");
        String right = code(payer.secret(), 0);
        assertThat(problemCode(authorize(payment, payer.account(), right))).isEqualTo("200 AUTHORIZED");

        String second = flow.request(shop, 100);
        assertThat(problemCode(authorize(second, payer.account(), right))).isEqualTo("422 second_factor_invalid");
        assertThat(problemCode(authorize(second, payer.account(), code(payer.secret(), 1)))).isEqualTo("200 AUTHORIZED");
    }

    @Test
    void consecutive_wrong_codes_lock_authorizations_even_for_a_right_code() throws Exception {
        Enrolled payer = enroll();
        String shop = flow.open("MERCHANT", 0);
        String payment = flow.request(shop, 100);
        String wrong = code(payer.secret(), 0).equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 3; i++) {
            assertThat(problemCode(authorize(payment, payer.account(), wrong))).isEqualTo("422 second_factor_invalid");
        }
        HttpResponse<String> locked = authorize(payment, payer.account(), code(payer.secret(), 0));
        assertThat(problemCode(locked)).isEqualTo("429 second_factor_locked");
        assertThat(StoredEvents.types(database, payment)).containsExactly("payment.requested");
    }

    @Test
    void security_second_factor_guessing_is_locked_out_for_a_service_key_with_payments_authorize() throws Exception {
        Enrolled payer = enroll();
        String payment = flow.request(flow.open("MERCHANT", 0), 100);
        CommandServiceRunning upstream = service.as(new ApiKeyMinting(service).service("payments:authorize").key());
        String wrong = code(payer.secret(), 0).equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 3; i++) {
            assertThat(problemCode(authorize(upstream, payment, payer.account(), wrong))).isEqualTo("422 second_factor_invalid");
        }
        assertThat(problemCode(authorize(upstream, payment, payer.account(), code(payer.secret(), 0))))
                .isEqualTo("429 second_factor_locked");
        assertThat(problemCode(authorize(service, payment, payer.account(), code(payer.secret(), 0))))
                .as("the lockout is the payer's, whichever key asks").isEqualTo("429 second_factor_locked");
        assertThat(StoredEvents.types(database, payment)).containsExactly("payment.requested");
    }

    @Test
    void the_secret_is_stored_encrypted_and_never_in_an_event() throws Exception {
        Enrolled payer = enroll();
        try (Connection c = database.connect()) {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT payload FROM domain_event_entry")) {
                while (rs.next()) {
                    assertThat(new String(rs.getBytes(1))).doesNotContain(payer.base32());
                }
            }
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT secret_ciphertext, key_id FROM second_factor WHERE account_id = '" + payer.account() + "'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).doesNotContain(payer.base32());
                // the active key of the test configuration (ServiceProperties), not the local profile's
                assertThat(rs.getString(2)).isEqualTo("test-1");
            }
            try (ResultSet rs = c.createStatement().executeQuery("SELECT response_body FROM idempotency_record")) {
                while (rs.next()) {
                    assertThat(rs.getString(1)).doesNotContain(payer.base32());
                }
            }
        }
        assertThat(StoredEvents.types(database, payer.account())).contains("account.second_factor_enrolled");
    }

    private static byte[] decodeBase32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char ch : text.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(ch);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
