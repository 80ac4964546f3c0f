package io.walletledger.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.walletledger.testkit.PostgresDatabase;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The requests of the authorization matrix, one per endpoint, each against resources made for it
 * with the admin key, so that an allowed request succeeds and a refused one can be seen to change nothing.
 */
final class MatrixProbes {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a probe's target looks like now; equal before and after a refused request. */
    interface State {
        Object read() throws Exception;
    }

    /** One request; {@code state} is what it must leave as it is when it is refused. */
    record Probe(String method, String path, String body, State state) {
    }

    interface Maker {
        Probe make() throws Exception;
    }

    private final CommandServiceRunning admin;
    private final PostgresDatabase database;
    private final ApiKeyMinting keys;
    private final String merchantA;
    private final String merchantB;

    MatrixProbes(CommandServiceRunning admin, PostgresDatabase database, String merchantA, String merchantB) {
        this.admin = admin;
        this.database = database;
        this.keys = new ApiKeyMinting(admin);
        this.merchantA = merchantA;
        this.merchantB = merchantB;
    }

    String merchantA() {
        return merchantA;
    }

    String merchantB() {
        return merchantB;
    }

    /** Endpoint name (as in the matrix) → how to make its probe. */
    Map<String, Maker> endpoints() {
        Map<String, Maker> all = new LinkedHashMap<>();
        all.put("open-account", () -> marked("/v1/accounts", "{\"ownerId\":\"MARK\",\"type\":\"CUSTOMER\",\"currency\":\"EUR\"}"));
        all.put("enroll-second-factor", () -> onAccount(open(0), "/second-factor"));
        all.put("freeze-account", () -> onAccount(open(0), "/freeze"));
        all.put("unfreeze-account", () -> onAccount(frozen(), "/unfreeze"));
        all.put("close-account", () -> onAccount(open(0), "/close"));
        all.put("deposit", () -> movement("/v1/deposits", open(0)));
        all.put("withdraw", () -> movement("/v1/withdrawals", open(1_000)));
        all.put("transfer", this::transfer);
        all.put("request-payment-for-A", () -> requestFor(merchantA));
        all.put("request-payment-for-B", () -> requestFor(merchantB));
        all.put("authorize-payment-of-A", () -> onPayment(request(merchantA, "MANUAL"), "/authorize",
                "{\"paymentMethod\":\"CARD\",\"cardReference\":\"tok_matrix\"}"));
        all.put("capture-payment-of-A", () -> onPayment(authorized(merchantA), "/capture", "{}"));
        all.put("capture-payment-of-B", () -> onPayment(authorized(merchantB), "/capture", "{}"));
        all.put("cancel-payment-of-A", () -> onPayment(request(merchantA, "MANUAL"), "/cancel", "{}"));
        all.put("cancel-payment-of-B", () -> onPayment(request(merchantB, "MANUAL"), "/cancel", "{}"));
        all.put("refund-payment-of-A", () -> onPayment(captured(merchantA), "/refunds", "{\"amount\":1,\"currency\":\"EUR\"}"));
        all.put("refund-payment-of-B", () -> onPayment(captured(merchantB), "/refunds", "{\"amount\":1,\"currency\":\"EUR\"}"));
        all.put("capture-unknown-payment", () -> onPayment("pay_" + UUID.randomUUID().toString().replace("-", ""),
                "/capture", "{}"));
        all.put("create-api-key", this::createKey);
        all.put("list-api-keys", () -> new Probe("GET", "/v1/api-keys", null, () -> "nothing to change"));
        all.put("show-api-key", () -> new Probe("GET", "/v1/api-keys/" + keys.role("AUDITOR").id(), null, () -> "nothing to change"));
        all.put("revoke-api-key", this::revokeKey);
        all.put("prometheus-metrics", () -> new Probe("GET", "/prometheus", null, () -> "nothing to change"));
        return all;
    }

    private Probe marked(String path, String body) {
        String mark = "matrix-" + UUID.randomUUID();
        return new Probe("POST", path, body.replace("MARK", mark), () -> eventsMentioning(mark));
    }

    private Probe onAccount(String account, String action) {
        return new Probe("POST", "/v1/accounts/" + account + action, "{}", () -> eventsOf(account));
    }

    private Probe movement(String path, String account) {
        return new Probe("POST", path, "{\"accountId\":\"" + account + "\",\"amount\":1,\"currency\":\"EUR\",\"method\":\"CASH\"}",
                () -> eventsOf(account));
    }

    private Probe transfer() throws Exception {
        String source = open(1_000);
        String destination = open(0);
        return new Probe("POST", "/v1/transfers", "{\"sourceAccountId\":\"" + source + "\",\"destinationAccountId\":\""
                + destination + "\",\"amount\":1,\"currency\":\"EUR\"}", () -> eventsOf(source) + eventsOf(destination));
    }

    private Probe requestFor(String merchant) {
        return marked("/v1/payments", "{\"merchantAccountId\":\"" + merchant + "\",\"amount\":100,\"currency\":\"EUR\","
                + "\"orderReference\":\"MARK\",\"captureMethod\":\"MANUAL\"}");
    }

    private Probe onPayment(String payment, String action, String body) {
        return new Probe("POST", "/v1/payments/" + payment + action, body, () -> eventsOf(payment));
    }

    private Probe createKey() {
        String mark = "matrix-" + UUID.randomUUID();
        return new Probe("POST", "/v1/api-keys", "{\"role\":\"AUDITOR\",\"description\":\"" + mark + "\"}",
                () -> admin.get("/v1/api-keys?includeRevoked=true").body().contains(mark));
    }

    private Probe revokeKey() throws Exception {
        String id = keys.role("AUDITOR").id();
        return new Probe("POST", "/v1/api-keys/" + id + "/revoke", "{}",
                () -> JSON.readTree(admin.get("/v1/api-keys/" + id).body()).get("status").asText());
    }

    String open(long deposit) throws Exception {
        return new PaymentHttpTestSupport(admin).open("CUSTOMER", deposit);
    }

    private String frozen() throws Exception {
        String account = open(0);
        assertThat(admin.post("/v1/accounts/" + account + "/freeze", "{}").statusCode()).isEqualTo(200);
        return account;
    }

    String request(String merchant, String captureMethod) throws Exception {
        HttpResponse<String> r = admin.post("/v1/payments", "{\"merchantAccountId\":\"" + merchant + "\",\"amount\":100,"
                + "\"currency\":\"EUR\",\"orderReference\":\"matrix\",\"captureMethod\":\"" + captureMethod + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("id").asText();
    }

    /** A card payment: nothing is held from a wallet, so its fixtures need no payer. */
    private String byCard(String payment, String expectedStatus) throws Exception {
        HttpResponse<String> r = admin.post("/v1/payments/" + payment + "/authorize",
                "{\"paymentMethod\":\"CARD\",\"cardReference\":\"tok_matrix\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("status").asText()).isEqualTo(expectedStatus);
        return payment;
    }

    String authorized(String merchant) throws Exception {
        return byCard(request(merchant, "MANUAL"), "AUTHORIZED");
    }

    String captured(String merchant) throws Exception {
        return byCard(request(merchant, "AUTOMATIC"), "CAPTURED");
    }

    long eventsOf(String aggregate) throws Exception {
        return count("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", aggregate);
    }

    private long eventsMentioning(String mark) throws Exception {
        return count("SELECT count(*) FROM domain_event_entry WHERE position(convert_to(?, 'UTF8') in payload) > 0", mark);
    }

    long idempotencyRecords(String key) throws Exception {
        return count("SELECT count(*) FROM idempotency_record WHERE idempotency_key = ?", key);
    }

    private long count(String sql, String parameter) throws Exception {
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
