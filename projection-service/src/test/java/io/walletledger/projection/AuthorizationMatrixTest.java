package io.walletledger.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.walletledger.account.AccountType;
import io.walletledger.envelope.CloudEvent;
import io.walletledger.servicekit.security.Role;
import io.walletledger.testkit.EventTopic;
import io.walletledger.testkit.KafkaEndpoint;
import io.walletledger.testkit.PostgresDatabase;
import io.walletledger.testkit.RealServices;
import io.walletledger.testkit.ServiceProperties;
import io.walletledger.testkit.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every projection-service endpoint against every kind of key, over real HTTP on real Kafka and
 * PostgreSQL: who may read what, and that a merchant sees only its own tenant's data (another
 * tenant's resources answer exactly like unknown ones, another merchant's sales are refused).
 */
@ExtendWith(RealServices.class)
class AuthorizationMatrixTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T = Instant.parse("2026-11-20T09:00:00Z");
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String SHOP_A = "authz-shop-a-" + RUN;
    private static final String SHOP_B = "authz-shop-b-" + RUN;
    private static final String ALICE = "authz-alice-" + RUN;
    private static final String BOB = "authz-bob-" + RUN;
    private static final String PAY_A = "authz-pay-a-" + RUN;
    private static final String PAY_B = "authz-pay-b-" + RUN;
    private static final String TO_SHOP_A = "authz-trf-shop-" + RUN;
    private static final String P2P = "authz-trf-p2p-" + RUN;
    private static final String SALES = "?from=2026-11-20&to=2026-11-22";
    /** The callers with a valid key, in the order of the matrix's columns. */
    private static final List<String> VALID = List.of("ADMIN", "AUDITOR", "MERCHANT A", "MERCHANT B",
            "SERVICE accounts:read");

    private static EventTopic topic;
    private static EmbeddedServer server;
    private static final Map<String, String> AUTHORIZATION = new LinkedHashMap<>();

    @BeforeAll
    static void start(KafkaEndpoint kafka, PostgresDatabase db) throws Exception {
        topic = new EventTopic(kafka);
        server = ApplicationContext.run(EmbeddedServer.class, ServiceProperties.of(kafka, db));
        topic.publish(new History().open(SHOP_A, AccountType.MERCHANT, T).open(SHOP_B, AccountType.MERCHANT, T)
                .open(ALICE, AccountType.CUSTOMER, T).open(BOB, AccountType.CUSTOMER, T).deposit(ALICE, 10_000, T)
                .walletPayment(PAY_A, SHOP_A, ALICE, 1_000, 30, T.plusSeconds(60))
                .walletPayment(PAY_B, SHOP_B, ALICE, 2_000, 60, T.plusSeconds(120))
                .transfer(TO_SHOP_A, ALICE, SHOP_A, 500, T.plusSeconds(180))
                .transfer(P2P, ALICE, BOB, 700, T.plusSeconds(240)).events().toArray(CloudEvent[]::new));
        await().atMost(Duration.ofSeconds(60)).until(AuthorizationMatrixTest::projected);

        TestApiKeys keys = TestApiKeys.of(server.getApplicationContext());
        AUTHORIZATION.put("no key", null);
        AUTHORIZATION.put("malformed key", "Bearer not-a-wallet-ledger-key");
        AUTHORIZATION.put("revoked key", keys.revoke(keys.mint(Role.AUDITOR, null, List.of())).bearer());
        AUTHORIZATION.put("ADMIN", TestKeys.adminBearer());
        AUTHORIZATION.put("AUDITOR", keys.mint(Role.AUDITOR, null, List.of()).bearer());
        AUTHORIZATION.put("MERCHANT A", keys.merchant(SHOP_A).bearer());
        AUTHORIZATION.put("MERCHANT B", keys.merchant(SHOP_B).bearer());
        AUTHORIZATION.put("SERVICE accounts:read", keys.mint(Role.SERVICE, null, List.of("accounts:read")).bearer());
    }

    @AfterAll
    static void stop() {
        server.getApplicationContext().close();
        topic.close();
    }

    /** An endpoint and the status each valid key gets, in {@link #VALID}'s order; invalid keys always get 401. */
    private record Row(String method, String path, int... statuses) {
    }

    private static Row get(String path, int... statuses) {
        return new Row("GET", path, statuses);
    }

    private static List<Row> matrix() {
        String a = SHOP_A;
        String b = SHOP_B;
        return List.of(
                //                                                    ADMIN AUDITOR MERCH-A MERCH-B SERVICE
                get("/v1/accounts/" + a,                                200, 200,   200,    404,    200),
                get("/v1/accounts/" + b,                                200, 200,   404,    200,    200),
                get("/v1/accounts/" + ALICE,                            200, 200,   404,    404,    200),
                get("/v1/accounts/" + a + "/transactions",              200, 200,   200,    404,    200),
                get("/v1/accounts/" + ALICE + "/transactions",          200, 200,   404,    404,    200),
                get("/v1/accounts/" + a + "/balance?at=2026-11-21",     200, 200,   200,    404,    200),
                get("/v1/accounts/" + ALICE + "/balance?at=2026-11-21", 200, 200,   404,    404,    200),
                get("/v1/payments/" + PAY_A,                            200, 200,   200,    404,    403),
                get("/v1/payments/" + PAY_B,                            200, 200,   404,    200,    403),
                get("/v1/transfers/" + TO_SHOP_A,                       200, 200,   200,    404,    403),
                get("/v1/transfers/" + P2P,                             200, 200,   404,    404,    403),
                get("/v1/merchants/" + a + "/sales" + SALES,            200, 200,   200,    403,    403),
                get("/v1/merchants/" + b + "/sales" + SALES,            200, 200,   403,    200,    403),
                get("/v1/merchants/" + a + "/sales/export" + SALES,     200, 200,   200,    403,    403),
                get("/v1/merchants/" + b + "/sales/export" + SALES,     200, 200,   403,    200,    403),
                get("/dashboard/merchants/" + a,                        200, 200,   200,    403,    403),
                get("/dashboard/merchants/" + a + "/panel",             200, 200,   200,    403,    403),
                get("/dashboard/merchants/" + b,                        200, 200,   403,    200,    403),
                get("/admin/rebuild",                                   200, 403,   403,    403,    403),
                // the admin's POST is an_admin_key_may_start_a_rebuild, which waits for the rebuild to end
                new Row("POST", "/admin/rebuild",                       202, 403,   403,    403,    403),
                get("/prometheus",                                      200, 200,   403,    403,    403));
    }

    @Test
    void every_endpoint_answers_every_kind_of_key_with_exactly_its_status() throws Exception {
        List<String> mismatches = new ArrayList<>();
        int cases = 0;
        for (Row row : matrix()) {
            for (Map.Entry<String, String> caller : AUTHORIZATION.entrySet()) {
                int column = VALID.indexOf(caller.getKey());
                if (row.method().equals("POST") && caller.getKey().equals("ADMIN")) {
                    continue;
                }
                int expected = column < 0 ? 401 : row.statuses()[column];
                HttpResponse<String> response = send(row.method(), row.path(), caller.getValue());
                String mismatch = mismatch(response, expected, caller.getKey());
                cases++;
                if (mismatch != null) {
                    mismatches.add(caller.getKey() + " " + row.method() + " " + row.path() + ": " + mismatch);
                }
            }
        }
        if (!mismatches.isEmpty()) {
            fail(mismatches.size() + " of " + cases + " cases differ:\n  " + String.join("\n  ", mismatches));
        }
    }

    @Test
    void a_merchant_learns_nothing_more_of_another_tenants_resources_than_of_unknown_ones() throws Exception {
        String merchantA = AUTHORIZATION.get("MERCHANT A");
        String unknown = "authz-nobody-" + RUN;
        for (String[] pair : new String[][] {{"/v1/accounts/", ALICE}, {"/v1/accounts/", SHOP_B},
                {"/v1/payments/", PAY_B}, {"/v1/transfers/", P2P}}) {
            HttpResponse<String> hidden = send("GET", pair[0] + pair[1], merchantA);
            HttpResponse<String> missing = send("GET", pair[0] + unknown, merchantA);
            assertThat(hidden.statusCode()).as(pair[1]).isEqualTo(404).isEqualTo(missing.statusCode());
            assertThat(hidden.body().replace(pair[1], unknown)).as(pair[1]).isEqualTo(missing.body());
        }
        for (String tenant : List.of(SHOP_B, unknown)) {
            HttpResponse<String> refused = send("GET", "/v1/merchants/" + tenant + "/sales" + SALES, merchantA);
            assertThat(refused.statusCode()).as("another merchant, existing or not").isEqualTo(403);
        }
    }

    @Test
    void public_paths_need_no_key() throws Exception {
        for (String path : List.of("/health", "/swagger/wallet-ledger-projection-api-1.yml",
                "/dashboard/assets/dashboard.js")) {
            assertThat(send("GET", path, null).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void an_admin_key_may_start_a_rebuild() throws Exception {
        HttpResponse<String> started = send("POST", "/admin/rebuild", TestKeys.adminBearer());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String ended = await().atMost(Duration.ofSeconds(120)).until(() -> JSON.readTree(
                        send("GET", "/admin/rebuild", TestKeys.adminBearer()).body()).path("state").asText(),
                state -> state.equals("DONE") || state.equals("FAILED"));
        assertThat(ended).isEqualTo("DONE");
    }

    /** What is wrong with the response, or null: the status, and for a refusal its problem code. */
    private static String mismatch(HttpResponse<String> response, int expected, String caller) throws Exception {
        if (response.statusCode() != expected) {
            String body = response.body().length() > 160 ? response.body().substring(0, 160) + "…" : response.body();
            return "expected " + expected + ", got " + response.statusCode() + " " + body;
        }
        String code = switch (expected) {
            case 401 -> caller.equals("no key") ? "authentication_required" : "invalid_api_key";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            default -> null;
        };
        String actual = code == null ? null : JSON.readTree(response.body()).path("code").asText();
        return code == null || code.equals(actual) ? null : "expected code " + code + ", got " + actual;
    }

    private static HttpResponse<String> send(String method, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every read model (each its own consumer group) has applied every event published above. */
    private static boolean projected() throws Exception {
        return amount("/v1/accounts/" + ALICE, "/balance/amount") == 10_000 - 1_000 - 2_000 - 500 - 700
                && amount("/v1/accounts/" + SHOP_A, "/balance/amount") == 1_000 - 30 + 500
                && amount("/v1/accounts/" + SHOP_B, "/balance/amount") == 2_000 - 60
                && amount("/v1/accounts/" + BOB, "/balance/amount") == 700
                && amount("/v1/payments/" + PAY_A, "/fee/amount") == 30
                && amount("/v1/payments/" + PAY_B, "/fee/amount") == 60
                && amount("/v1/transfers/" + TO_SHOP_A, "/amount/amount") == 500
                && amount("/v1/transfers/" + P2P, "/amount/amount") == 700
                && amount("/v1/merchants/" + SHOP_A + "/sales" + SALES, "/totals/fees/amount") == 30
                && amount("/v1/merchants/" + SHOP_B + "/sales" + SALES, "/totals/fees/amount") == 60;
    }

    private static long amount(String path, String pointer) throws Exception {
        HttpResponse<String> response = send("GET", path, TestKeys.adminBearer());
        return response.statusCode() == 200 ? JSON.readTree(response.body()).at(pointer).asLong() : Long.MIN_VALUE;
    }
}
