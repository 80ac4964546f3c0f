package io.walletledger.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.walletledger.servicekit.security.ApiKeyFormat;
import io.walletledger.testkit.KafkaEndpoint;
import io.walletledger.testkit.PostgresDatabase;
import io.walletledger.testkit.RealServices;
import io.walletledger.testkit.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command-service endpoint × every kind of caller, with the exact status each gets: a key is
 * needed (401), each role and grant allows what it lists and nothing else (403, deny by default), and a
 * merchant acts only for itself (403 naming another merchant, 404 for another merchant's payment,
 * exactly as for an unknown one). A refused request changes nothing and records nothing.
 */
@ExtendWith(RealServices.class)
class AuthorizationMatrixTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** SERVICE has deposits:create, payments:authorize and payments:capture; MERCHANT_A owns "of-A" payments. */
    private static final String MATRIX = """
            endpoint                 NONE MALFORMED UNKNOWN REVOKED ADMIN AUDITOR MERCHANT_A MERCHANT_B SERVICE
            open-account              401     401      401     401    201    403       403        403       403
            enroll-second-factor      401     401      401     401    201    403       403        403       403
            freeze-account            401     401      401     401    200    403       403        403       403
            unfreeze-account          401     401      401     401    200    403       403        403       403
            close-account             401     401      401     401    200    403       403        403       403
            deposit                   401     401      401     401    201    403       403        403       201
            withdraw                  401     401      401     401    201    403       403        403       403
            transfer                  401     401      401     401    201    403       403        403       403
            request-payment-for-A     401     401      401     401    201    403       201        403       403
            request-payment-for-B     401     401      401     401    201    403       403        201       403
            authorize-payment-of-A    401     401      401     401    200    403       403        403       200
            capture-payment-of-A      401     401      401     401    200    403       200        404       200
            capture-payment-of-B      401     401      401     401    200    403       404        200       200
            cancel-payment-of-A       401     401      401     401    200    403       200        404       403
            cancel-payment-of-B       401     401      401     401    200    403       404        200       403
            refund-payment-of-A       401     401      401     401    201    403       201        404       403
            refund-payment-of-B       401     401      401     401    201    403       404        201       403
            capture-unknown-payment   401     401      401     401    404    403       404        404       404
            create-api-key            401     401      401     401    201    403       403        403       403
            list-api-keys             401     401      401     401    200    403       403        403       403
            show-api-key              401     401      401     401    200    403       403        403       403
            revoke-api-key            401     401      401     401    200    403       403        403       403
            prometheus-metrics        401     401      401     401    200    200       403        403       403
            """;

    private static CommandServiceRunning admin;
    private static MatrixProbes probes;
    private static final Map<String, String> KEYS = new LinkedHashMap<>();

    @BeforeAll
    static void start(KafkaEndpoint kafka, PostgresDatabase db) throws Exception {
        admin = CommandServiceRunning.start(kafka, db);
        PaymentHttpTestSupport flow = new PaymentHttpTestSupport(admin);
        // funded, so that their refunds need not wait for the settlement of the captures
        String merchantA = flow.open("MERCHANT", 1_000_000);
        String merchantB = flow.open("MERCHANT", 1_000_000);
        probes = new MatrixProbes(admin, db, merchantA, merchantB);
        ApiKeyMinting minting = new ApiKeyMinting(admin);
        ApiKeyMinting.Minted revoked = minting.service("deposits:create", "payments:capture");
        minting.revoke(revoked.id());
        KEYS.put("NONE", null);
        KEYS.put("MALFORMED", "wl_test_not-a-key");
        KEYS.put("UNKNOWN", ApiKeyFormat.mint("test").plaintext());
        KEYS.put("REVOKED", revoked.key());
        KEYS.put("ADMIN", TestKeys.ADMIN);
        KEYS.put("AUDITOR", minting.role("AUDITOR").key());
        KEYS.put("MERCHANT_A", minting.merchant(merchantA).key());
        KEYS.put("MERCHANT_B", minting.merchant(merchantB).key());
        KEYS.put("SERVICE", minting.service("deposits:create", "payments:authorize", "payments:capture").key());
    }

    @AfterAll
    static void stop() {
        admin.close();
    }

    @Test
    void every_endpoint_answers_every_kind_of_caller_exactly_as_the_matrix_says_and_refusals_change_nothing()
            throws Exception {
        List<String> rows = MATRIX.lines().filter(l -> !l.isBlank()).toList();
        List<String> callers = Arrays.asList(rows.get(0).trim().split("\\s+")).subList(1, KEYS.size() + 1);
        assertThat(callers).containsExactlyElementsOf(KEYS.keySet());
        Map<String, MatrixProbes.Maker> endpoints = probes.endpoints();
        assertThat(rows.subList(1, rows.size()).stream().map(r -> r.trim().split("\\s+")[0]))
                .as("one row per endpoint").containsExactlyElementsOf(endpoints.keySet());

        List<String> mismatches = new ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.trim().split("\\s+");
            for (int i = 0; i < callers.size(); i++) {
                String mismatch = check(callers.get(i), cells[0], endpoints.get(cells[0]), Integer.parseInt(cells[i + 1]));
                if (mismatch != null) {
                    mismatches.add(mismatch);
                }
            }
        }
        assertThat(mismatches).as("cases that did not answer as the matrix says").isEmpty();
    }

    @Test
    void a_merchant_cannot_tell_another_merchants_payment_from_an_unknown_one() throws Exception {
        String foreign = probes.authorized(probes.merchantB());
        String unknown = "pay_" + UUID.randomUUID().toString().replace("-", "");
        CommandServiceRunning merchantA = admin.as(KEYS.get("MERCHANT_A"));
        for (String action : List.of("/capture", "/cancel")) {
            HttpResponse<String> toForeign = merchantA.post("/v1/payments/" + foreign + action, "{}");
            HttpResponse<String> toUnknown = merchantA.post("/v1/payments/" + unknown + action, "{}");
            assertThat(toForeign.statusCode()).isEqualTo(toUnknown.statusCode()).isEqualTo(404);
            assertThat(toForeign.headers().firstValue("Content-Type"))
                    .isEqualTo(toUnknown.headers().firstValue("Content-Type"));
            assertThat(toForeign.body().replace(foreign, "ID")).isEqualTo(toUnknown.body().replace(unknown, "ID"));
        }
        assertThat(probes.eventsOf(foreign)).as("still only requested and authorized").isEqualTo(2);
    }

    @Test
    void an_idempotency_key_one_merchant_used_never_replays_its_response_to_another() throws Exception {
        String key = "shared-" + UUID.randomUUID();
        String body = "{\"merchantAccountId\":\"MERCHANT\",\"amount\":100,\"currency\":\"EUR\","
                + "\"orderReference\":\"o\",\"captureMethod\":\"MANUAL\"}";
        CommandServiceRunning merchantA = admin.as(KEYS.get("MERCHANT_A"));
        CommandServiceRunning merchantB = admin.as(KEYS.get("MERCHANT_B"));
        HttpResponse<String> first = merchantA.postWithKey("/v1/payments", body.replace("MERCHANT", probes.merchantA()), key);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);

        HttpResponse<String> sameRequestByB = merchantB.postWithKey("/v1/payments",
                body.replace("MERCHANT", probes.merchantA()), key);
        assertThat(sameRequestByB.statusCode()).as(sameRequestByB.body()).isEqualTo(403);
        HttpResponse<String> ownRequestByB = merchantB.postWithKey("/v1/payments",
                body.replace("MERCHANT", probes.merchantB()), key);
        assertThat(ownRequestByB.statusCode()).as(ownRequestByB.body()).isEqualTo(201);
        assertThat(ownRequestByB.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(JSON.readTree(ownRequestByB.body()).get("id")).isNotEqualTo(JSON.readTree(first.body()).get("id"));

        HttpResponse<String> replayByA = merchantA.postWithKey("/v1/payments", body.replace("MERCHANT", probes.merchantA()), key);
        assertThat(replayByA.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(replayByA.body()).isEqualTo(first.body());
    }

    /** Runs one case; a description of what went wrong, or null. */
    private static String check(String caller, String endpoint, MatrixProbes.Maker maker, int expected) throws Exception {
        MatrixProbes.Probe probe = maker.make();
        String idempotencyKey = "matrix-" + UUID.randomUUID();
        Object before = probe.state().read();
        CommandServiceRunning as = admin.as(KEYS.get(caller));
        HttpResponse<String> response = probe.method().equals("GET") ? as.get(probe.path())
                : as.postWithKey(probe.path(), probe.body(), idempotencyKey);
        String where = caller + " " + endpoint + " (" + probe.method() + " " + probe.path() + "): ";
        if (response.statusCode() != expected) {
            return where + "expected " + expected + " but got " + response.statusCode() + " " + response.body();
        }
        if (expected >= 400 && !problemCode(response).equals(expectedCode(caller, expected))) {
            return where + "expected code " + expectedCode(caller, expected) + " in " + response.body();
        }
        boolean refusedForSecurity = expected == 401 || expected == 403 || (expected == 404 && caller.startsWith("MERCHANT"));
        if (refusedForSecurity && !before.equals(probe.state().read())) {
            return where + "refused, yet changed: " + before + " -> " + probe.state().read();
        }
        if (refusedForSecurity && probes.idempotencyRecords(idempotencyKey) != 0) {
            return where + "refused, yet recorded under its Idempotency-Key";
        }
        return null;
    }

    private static String expectedCode(String caller, int status) {
        return switch (status) {
            case 401 -> caller.equals("NONE") ? "authentication_required" : "invalid_api_key";
            case 403 -> "forbidden";
            default -> "not_found";
        };
    }

    private static String problemCode(HttpResponse<String> response) throws Exception {
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return "(not problem+json)";
        }
        JsonNode body = JSON.readTree(response.body());
        return body.path("code").asText("(no code)");
    }
}
