package io.walletledger.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.walletledger.testkit.TestKeys;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * The small world the campaign aims at, made with the admin key: two merchants (one to be the other
 * tenant), a customer with a deposit, a payee reached by a transfer, three payments (waiting for
 * authorization, authorized, captured), API keys (a MERCHANT key, a SERVICE key, a revoked one) and
 * a webhook endpoint whose deliveries all succeeded; a frozen account to unfreeze and an empty one to
 * close. Every template is a valid request on it.
 */
record Fixture(String merchant, String otherMerchant, String customer, String payee, String frozen, String spare,
               String requested,
               String authorized, String captured, String transfer, String merchantKey, String serviceKeyId,
               String revokedKey, String endpoint, String delivery) {

    static final String WEBHOOK_PATH = "/fuzz-hooks";
    static final String EVENT_TYPES = "[\"payment.requested\",\"payment.authorized\",\"payment.captured\","
            + "\"payment.canceled\",\"payment.refunded\",\"account.payment_credited\"]";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static Fixture create(Map<Template.Service, URI> services, String webhookUrl) throws Exception {
        Api api = new Api(services);
        String merchant = api.id(Template.Service.COMMAND, "/v1/accounts",
                "{\"ownerId\":\"fuzz-shop\",\"type\":\"MERCHANT\",\"currency\":\"EUR\"}");
        String other = api.id(Template.Service.COMMAND, "/v1/accounts",
                "{\"ownerId\":\"fuzz-other-shop\",\"type\":\"MERCHANT\",\"currency\":\"EUR\"}");
        // 422 unknown_merchant until notification-service has read the merchant's account.opened
        String endpoint = JSON.readTree(await("webhook endpoint registered").atMost(Duration.ofSeconds(60))
                .until(() -> api.send(Template.Service.NOTIFICATION, "POST", "/v1/webhook-endpoints",
                        "{\"merchantAccountId\":\"" + merchant + "\",\"url\":\"" + webhookUrl + "\",\"eventTypes\":"
                                + EVENT_TYPES + "}"), r -> r.statusCode() == 201).body()).get("id").asText();
        String customer = api.id(Template.Service.COMMAND, "/v1/accounts",
                "{\"ownerId\":\"fuzz-customer\",\"type\":\"CUSTOMER\",\"currency\":\"EUR\",\"kycTier\":3}");
        String payee = api.id(Template.Service.COMMAND, "/v1/accounts",
                "{\"ownerId\":\"fuzz-payee\",\"type\":\"CUSTOMER\",\"currency\":\"EUR\"}");
        String frozen = api.id(Template.Service.COMMAND, "/v1/accounts",
                "{\"ownerId\":\"fuzz-frozen\",\"type\":\"CUSTOMER\",\"currency\":\"EUR\"}");
        api.expect(Template.Service.COMMAND, "POST", "/v1/accounts/" + frozen + "/freeze", "{}", 200);
        String spare = api.id(Template.Service.COMMAND, "/v1/accounts",
                "{\"ownerId\":\"fuzz-spare\",\"type\":\"CUSTOMER\",\"currency\":\"EUR\"}");
        api.id(Template.Service.COMMAND, "/v1/deposits", "{\"accountId\":\"" + customer
                + "\",\"amount\":100000,\"currency\":\"EUR\",\"method\":\"CARD\"}");
        String transfer = api.id(Template.Service.COMMAND, "/v1/transfers", "{\"sourceAccountId\":\"" + customer
                + "\",\"destinationAccountId\":\"" + payee + "\",\"amount\":500,\"currency\":\"EUR\"}");
        String requested = api.payment(merchant, "MANUAL");
        String authorized = api.payment(merchant, "MANUAL");
        api.authorize(authorized, customer);
        String captured = api.payment(merchant, "AUTOMATIC");
        api.authorize(captured, customer);
        String merchantKey = api.key("{\"role\":\"MERCHANT\",\"merchantAccountId\":\"" + merchant + "\"}")
                .get("key").asText();
        String serviceKeyId = api.key("{\"role\":\"SERVICE\",\"grants\":[\"payments:authorize\"]}").get("id").asText();
        JsonNode revoked = api.key("{\"role\":\"AUDITOR\",\"description\":\"revoked before the campaign\"}");
        api.expect(Template.Service.COMMAND, "POST", "/v1/api-keys/" + revoked.get("id").asText() + "/revoke", "", 200);
        String delivery = await("a delivery of the fixture's endpoint").atMost(Duration.ofSeconds(60)).until(
                () -> JSON.readTree(api.send(Template.Service.NOTIFICATION, "GET",
                        "/v1/webhook-endpoints/" + endpoint + "/deliveries", null).body()).path("data").path(0)
                        .path("id").asText(), id -> !id.isEmpty());
        return new Fixture(merchant, other, customer, payee, frozen, spare, requested, authorized, captured, transfer,
                merchantKey, serviceKeyId, revoked.get("key").asText(), endpoint, delivery);
    }

    /** Valid calls with the admin key, each with a fresh Idempotency-Key. */
    record Api(Map<Template.Service, URI> services) {

        HttpResponse<String> send(Template.Service service, String method, String path, String body)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(services.get(service).resolve(path))
                    .header("Authorization", TestKeys.adminBearer())
                    .timeout(Duration.ofSeconds(30));
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .method(method, HttpRequest.BodyPublishers.ofString(body));
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        JsonNode expect(Template.Service service, String method, String path, String body, int status) throws Exception {
            HttpResponse<String> response = send(service, method, path, body);
            if (response.statusCode() != status) {
                throw new IllegalStateException(method + " " + path + " " + body + " -> " + response.statusCode()
                        + " " + response.body());
            }
            return JSON.readTree(response.body());
        }

        String id(Template.Service service, String path, String body) throws Exception {
            return expect(service, "POST", path, body, 201).get("id").asText();
        }

        String payment(String merchant, String captureMethod) throws Exception {
            return id(Template.Service.COMMAND, "/v1/payments", "{\"merchantAccountId\":\"" + merchant
                    + "\",\"amount\":1000,\"currency\":\"EUR\",\"orderReference\":\"fuzz-" + UUID.randomUUID()
                    + "\",\"captureMethod\":\"" + captureMethod + "\",\"expiresInSeconds\":86400}");
        }

        void authorize(String payment, String payer) throws Exception {
            expect(Template.Service.COMMAND, "POST", "/v1/payments/" + payment + "/authorize",
                    "{\"payerAccountId\":\"" + payer + "\"}", 200);
        }

        JsonNode key(String body) throws Exception {
            return expect(Template.Service.COMMAND, "POST", "/v1/api-keys", body, 201);
        }
    }
}
