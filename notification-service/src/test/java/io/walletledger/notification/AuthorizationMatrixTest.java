package io.walletledger.notification;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.walletledger.servicekit.security.ApiKeyFormat;
import io.walletledger.servicekit.security.ApiKeyRegistry;
import io.walletledger.servicekit.security.Role;
import io.walletledger.testkit.EventTopic;
import io.walletledger.testkit.KafkaEndpoint;
import io.walletledger.testkit.PostgresDatabase;
import io.walletledger.testkit.RealServices;
import io.walletledger.testkit.ServiceProperties;
import io.walletledger.testkit.TestKeys;
import io.walletledger.testkit.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.walletledger.notification.NotificationApi.authorized;
import static io.walletledger.notification.NotificationApi.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may call which notification route, over real HTTP with keys from the real key topic: every route
 * and /prometheus, without a key, with a malformed or a revoked one, and with a key of each role, a
 * merchant's key on its own endpoints and on another merchant's. Each case expects one exact status
 * (and problem code); a refused request must leave the webhook tables as they were.
 */
@ExtendWith(RealServices.class)
class AuthorizationMatrixTest {

    /** The callers, in the order each route's cases run. */
    enum Who { NO_KEY, MALFORMED_KEY, REVOKED_KEY, ADMIN, AUDITOR, MERCHANT_A, SERVICE }

    /** A route, its placeholders filled per case, and the status each authenticated caller gets (401 otherwise). */
    record Route(String method, String path, String body, int admin, int auditor, int merchantA, int service) {
        int expected(Who who) {
            return switch (who) {
                case NO_KEY, MALFORMED_KEY, REVOKED_KEY -> 401;
                case ADMIN -> admin;
                case AUDITOR -> auditor;
                case MERCHANT_A -> merchantA;
                case SERVICE -> service;
            };
        }

        String name() {
            return method + " " + path + (body == null ? "" : " " + body);
        }
    }

    private static final String WEBHOOKS = "/v1/webhook-endpoints";
    private static final String REGISTER =
            "{\"merchantAccountId\":\"%s\",\"url\":\"{url}\",\"eventTypes\":[\"payment.captured\"]}";
    private static final String PATCH = "{\"description\":\"changed by the authorization matrix\"}";
    private static final List<Route> ROUTES = List.of(
            //                                                              ADMIN AUDITOR MERCHANT_A SERVICE
            new Route("POST", WEBHOOKS, REGISTER.formatted("{mA}"), 201, 403, 201, 403),
            new Route("POST", WEBHOOKS, REGISTER.formatted("{mB}"), 201, 403, 403, 403),
            new Route("GET", WEBHOOKS, null, 200, 200, 200, 403),
            new Route("GET", WEBHOOKS + "?merchantAccountId={mA}", null, 200, 200, 200, 403),
            new Route("GET", WEBHOOKS + "?merchantAccountId={mB}", null, 200, 200, 403, 403),
            new Route("GET", WEBHOOKS + "/{A}", null, 200, 200, 200, 403),
            new Route("GET", WEBHOOKS + "/{B}", null, 200, 200, 404, 403),
            new Route("PATCH", WEBHOOKS + "/{A}", PATCH, 200, 403, 200, 403),
            new Route("PATCH", WEBHOOKS + "/{B}", PATCH, 200, 403, 404, 403),
            new Route("DELETE", WEBHOOKS + "/{newA}", null, 204, 403, 204, 403),
            new Route("DELETE", WEBHOOKS + "/{newB}", null, 204, 403, 404, 403),
            new Route("POST", WEBHOOKS + "/{A}/rotate-secret", null, 200, 403, 200, 403),
            new Route("POST", WEBHOOKS + "/{B}/rotate-secret", null, 200, 403, 404, 403),
            new Route("GET", WEBHOOKS + "/{A}/deliveries", null, 200, 200, 200, 403),
            new Route("GET", WEBHOOKS + "/{B}/deliveries", null, 200, 200, 404, 403),
            new Route("GET", WEBHOOKS + "/{A}/deliveries/{dA}", null, 200, 200, 200, 403),
            new Route("GET", WEBHOOKS + "/{B}/deliveries/{dB}", null, 200, 200, 404, 403),
            new Route("GET", WEBHOOKS + "/{A}/deliveries/{dB}", null, 404, 404, 404, 403),
            new Route("GET", WEBHOOKS + "/{A}/dead-letters", null, 200, 200, 200, 403),
            new Route("GET", WEBHOOKS + "/{B}/dead-letters", null, 200, 200, 404, 403),
            new Route("POST", WEBHOOKS + "/{A}/deliveries/{dA}/retry", null, 202, 403, 202, 403),
            new Route("POST", WEBHOOKS + "/{B}/deliveries/{dB}/retry", null, 202, 403, 404, 403),
            new Route("GET", "/v1/merchants/{mA}/events", null, 200, 200, 200, 403),
            new Route("GET", "/v1/merchants/{mB}/events", null, 200, 200, 403, 403),
            new Route("GET", "/prometheus", null, 200, 200, 403, 403));

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static EmbeddedServer server;
    private static EventTopic topic;
    private static WebhookReceiver receiver;
    private static WebhookTables tables;
    private static NotificationApi api;
    private static ApiKeyRegistry registry;
    /** The API key of each caller (none for NO_KEY). */
    private static final Map<Who, String> KEYS = new EnumMap<>(Who.class);
    private static final Map<String, String> FIXTURE = new HashMap<>();

    @BeforeAll
    static void start(KafkaEndpoint kafka, PostgresDatabase db) throws Exception {
        topic = new EventTopic(kafka);
        receiver = new WebhookReceiver();
        tables = new WebhookTables(db);
        server = ApplicationContext.run(EmbeddedServer.class, ServiceProperties.of(kafka, db, Map.of(
                "ledger.webhooks.poll-interval", "100ms",
                "ledger.webhooks.require-https", false,
                "ledger.webhooks.allowed-networks", "127.0.0.0/8")));
        api = new NotificationApi(server.getURL().toString(), topic);
        registry = server.getApplicationContext().getBean(ApiKeyRegistry.class);
        FIXTURE.put("{url}", receiver.url("/matrix"));
        FIXTURE.put("{mA}", api.newMerchant());
        FIXTURE.put("{mB}", api.newMerchant());
        FIXTURE.put("{A}", endpoint(FIXTURE.get("{mA}"), List.of("payment.authorized")));
        FIXTURE.put("{B}", endpoint(FIXTURE.get("{mB}"), List.of("payment.authorized")));
        topic.publish(authorized(payment(), FIXTURE.get("{mA}"), 0), authorized(payment(), FIXTURE.get("{mB}"), 0));
        FIXTURE.put("{dA}", deliveredOnce(FIXTURE.get("{A}")));
        FIXTURE.put("{dB}", deliveredOnce(FIXTURE.get("{B}")));
        KEYS.put(Who.MALFORMED_KEY, "not-a-wallet-ledger-key");
        KEYS.put(Who.REVOKED_KEY, revokedAdminKey());
        KEYS.put(Who.ADMIN, TestKeys.ADMIN);
        KEYS.put(Who.AUDITOR, mint(Role.AUDITOR, null));
        KEYS.put(Who.MERCHANT_A, mint(Role.MERCHANT, FIXTURE.get("{mA}")));
        KEYS.put(Who.SERVICE, mint(Role.SERVICE, null, "deposits:create"));
    }

    @AfterAll
    static void stop() throws Exception {
        server.getApplicationContext().close();
        tables.close();
        receiver.close();
        topic.close();
    }

    @Test
    void every_route_answers_each_caller_with_exactly_its_status_and_a_refused_request_changes_nothing()
            throws Exception {
        List<String> mismatches = new ArrayList<>();
        for (Route route : ROUTES) {
            for (Who who : Who.values()) {
                String path = fill(route.path());
                String body = route.body() == null ? null : fill(route.body());
                int expected = route.expected(who);
                if (!tables.settled()) {
                    await().atMost(WAIT).until(tables::settled); // a retry allowed just before is delivered again
                }
                List<String> before = tables.snapshot();
                NotificationApi.Response got = api.as(KEYS.get(who)).send(route.method(), path, body);
                String code = expectedCode(who, expected);
                if (got.status() != expected || (code != null && !code.equals(got.code()))) {
                    mismatches.add(who + " " + route.name() + ": expected " + expected
                            + (code == null ? "" : " " + code) + ", got " + got.status() + " " + got.code());
                }
                if (expected >= 400 && !before.equals(tables.snapshot())) {
                    mismatches.add(who + " " + route.name() + ": refused, yet the webhook tables changed");
                }
            }
        }
        assertThat(mismatches).as("%d mismatches in %d cases:%n%s", mismatches.size(),
                ROUTES.size() * Who.values().length, String.join(System.lineSeparator(), mismatches)).isEmpty();
    }

    private static String expectedCode(Who who, int status) {
        return switch (status) {
            case 401 -> who == Who.NO_KEY ? "authentication_required" : "invalid_api_key";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            default -> null;
        };
    }

    /** The path or body with the fixture's ids; {newA} and {newB} are endpoints made for this one case. */
    private static String fill(String template) throws Exception {
        String filled = template;
        for (Map.Entry<String, String> entry : FIXTURE.entrySet()) {
            filled = filled.replace(entry.getKey(), entry.getValue());
        }
        if (filled.contains("{newA}") || filled.contains("{newB}")) {
            String merchant = FIXTURE.get(filled.contains("{newA}") ? "{mA}" : "{mB}");
            filled = filled.replaceFirst("\\{new[AB]}", endpoint(merchant, List.of("payment.captured")));
        }
        return filled;
    }

    static String endpoint(String merchant, List<String> types) throws Exception {
        return api.createEndpoint(merchant, receiver.url("/matrix"), types).get("id").asText();
    }

    private static String deliveredOnce(String endpoint) {
        String path = WEBHOOKS + "/" + endpoint + "/deliveries?status=SUCCEEDED";
        await().atMost(WAIT).until(() -> api.get(path).json().get("data").size() == 1);
        try {
            return api.get(path).json().get("data").get(0).get("id").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String mint(Role role, String merchant, String... grants) {
        return registry.issue(role, merchant, List.of(grants), "authorization matrix", null, null).plaintext();
    }

    /** An ADMIN key, shown to work, then revoked: only the revocation can refuse it. */
    private static String revokedAdminKey() throws Exception {
        String key = mint(Role.ADMIN, null);
        assertThat(api.as(key).get(WEBHOOKS).status()).isEqualTo(200);
        registry.revoke(registry.find(ApiKeyFormat.parse(key).orElseThrow().id()).orElseThrow());
        return key;
    }
}
