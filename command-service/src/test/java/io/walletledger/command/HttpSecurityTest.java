package io.walletledger.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.walletledger.testkit.KafkaEndpoint;
import io.walletledger.testkit.PostgresDatabase;
import io.walletledger.testkit.RealServices;
import io.walletledger.testkit.ServiceProperties;
import io.walletledger.testkit.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The HTTP edge's hardening: body size, security headers on every answer, no CORS, no start without an admin key. */
@ExtendWith(RealServices.class)
class HttpSecurityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static CommandServiceRunning admin;
    private static PostgresDatabase database;
    private static KafkaEndpoint broker;

    @BeforeAll
    static void start(KafkaEndpoint kafka, PostgresDatabase db) {
        broker = kafka;
        database = db;
        admin = CommandServiceRunning.start(kafka, db);
    }

    @AfterAll
    static void stop() {
        admin.close();
    }

    @Test
    void security_a_body_above_the_size_limit_is_a_413_problem_and_changes_nothing() throws Exception {
        String account = new PaymentHttpTestSupport(admin).open("CUSTOMER", 0);
        String body = "{\"accountId\":\"" + account + "\",\"amount\":1,\"currency\":\"EUR\",\"method\":\"CASH\","
                + "\"reference\":\"" + "x".repeat(70_000) + "\"}";
        HttpResponse<String> refused = admin.post("/v1/deposits", body);
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(refused.body()).get("code").asText()).isEqualTo("payload_too_large");
        assertThat(StoredEvents.types(database, account)).containsExactly("account.opened");
    }

    @Test
    void security_headers_are_on_successes_refusals_and_unknown_paths() throws Exception {
        HttpResponse<String> ok = admin.get("/prometheus");
        HttpResponse<String> unauthenticated = admin.as(null).get("/prometheus");
        HttpResponse<String> forbidden = admin.as(new ApiKeyMinting(admin).role("AUDITOR").key()).post("/v1/deposits", "{}");
        HttpResponse<String> unknown = admin.get("/v1/nothing-here");
        List<HttpResponse<String>> responses = List.of(ok, unauthenticated, forbidden, unknown);
        assertThat(responses.stream().map(HttpResponse::statusCode)).containsExactly(200, 401, 403, 404);
        for (HttpResponse<String> response : responses) {
            HttpHeaders headers = response.headers();
            String status = "on a " + response.statusCode();
            assertThat(headers.firstValue("X-Content-Type-Options")).as(status).hasValue("nosniff");
            assertThat(headers.firstValue("X-Frame-Options")).as(status).hasValue("DENY");
            assertThat(headers.firstValue("Content-Security-Policy")).as(status)
                    .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'", "frame-ancestors 'none'"));
            assertThat(headers.firstValue("Cache-Control")).as(status).hasValue("no-store");
            assertThat(headers.firstValue("Referrer-Policy")).as(status).hasValue("no-referrer");
        }
    }

    @Test
    void security_cross_origin_requests_get_no_cors_headers() throws Exception {
        HttpRequest preflight = HttpRequest.newBuilder(admin.uri("/v1/deposits"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type, idempotency-key").build();
        HttpRequest get = HttpRequest.newBuilder(admin.uri("/prometheus"))
                .header("Origin", "https://elsewhere.example")
                .header("Authorization", TestKeys.adminBearer()).build();
        for (HttpRequest request : List.of(preflight, get)) {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.headers().map().keySet()).as(request.method() + " " + response.statusCode())
                    .noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
        }
    }

    @Test
    void security_the_service_refuses_to_start_without_an_admin_key_or_with_one_of_the_other_mode() {
        Throwable missing = refusalToStart("");
        assertThat(rootCause(missing).getMessage()).contains("LEDGER_ADMIN_KEY", "is required");
        Throwable live = refusalToStart("wl_live_admin_key_of_the_test_suites_only_0001");
        assertThat(rootCause(live).getMessage()).contains("LEDGER_ADMIN_KEY", "wl_test_");
    }

    /** What ApplicationContext.run throws, its context stopped (a context whose start failed is not closed by it). */
    private static Throwable refusalToStart(String adminKey) {
        ApplicationContext context = ApplicationContext.builder(EmbeddedServer.class)
                .properties(ServiceProperties.of(broker, database, Map.of("ledger.security.admin-key", adminKey)))
                .build();
        Throwable thrown = catchThrowable(context::start);
        if (context.isRunning()) {
            context.stop();
        }
        assertThat(thrown).as("the service started with admin key '" + adminKey + "'").isNotNull();
        return thrown;
    }

    private static Throwable rootCause(Throwable thrown) {
        Throwable cause = thrown;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
