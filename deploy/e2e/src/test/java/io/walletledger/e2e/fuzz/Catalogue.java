package io.walletledger.e2e.fuzz;

import io.walletledger.e2e.fuzz.Template.BodyMode;
import io.walletledger.e2e.fuzz.Template.Kind;
import io.walletledger.e2e.fuzz.Template.ParamKind;

import java.util.List;

import static io.walletledger.e2e.fuzz.Template.Idempotency.OPTIONAL;
import static io.walletledger.e2e.fuzz.Template.Idempotency.REQUIRED;
import static io.walletledger.e2e.fuzz.Template.Service.COMMAND;
import static io.walletledger.e2e.fuzz.Template.Service.NOTIFICATION;
import static io.walletledger.e2e.fuzz.Template.Service.PROJECTION;
import static io.walletledger.e2e.fuzz.Template.field;
import static io.walletledger.e2e.fuzz.Template.integer;
import static io.walletledger.e2e.fuzz.Template.list;
import static io.walletledger.e2e.fuzz.Template.oneOf;
import static io.walletledger.e2e.fuzz.Template.text;

/**
 * Every endpoint of the three services (docs/api.md, docs/openapi/*.yml, the controllers), each as a
 * valid request against the fixture: for the admin key on any resource, for the MERCHANT key on its
 * own merchant's. Sent unchanged, each would succeed; the campaign only ever sends them mutated.
 */
final class Catalogue {

    static final List<String> GRANTABLE = List.of("accounts:open", "accounts:manage", "deposits:create",
            "withdrawals:create", "transfers:create", "payments:create", "payments:authorize", "payments:capture",
            "payments:cancel", "payments:refund", "accounts:read", "payments:read", "transfers:read");
    static final List<String> EVENT_TYPES = List.of("payment.requested", "payment.authorized", "payment.captured",
            "payment.canceled", "payment.refunded", "account.payment_credited");

    private Catalogue() {
    }

    static List<Template> templates(Fixture fx, boolean merchantKey, String webhookUrl) {
        String ownAccount = merchantKey ? fx.merchant() : fx.customer();
        List<Template> all = new java.util.ArrayList<>();
        all.addAll(accounts(fx));
        all.addAll(money(fx));
        all.addAll(payments(fx));
        all.addAll(apiKeys(fx));
        all.addAll(projections(fx, ownAccount));
        all.addAll(notifications(fx, webhookUrl));
        all.addAll(framework());
        return all;
    }

    private static List<Template> accounts(Fixture fx) {
        String customer = fx.customer();
        return List.of(
                Template.of(COMMAND, "POST", "/v1/accounts").idempotency(REQUIRED).body(BodyMode.REQUIRED,
                        "{\"ownerId\":\"fuzz-new\",\"type\":\"MERCHANT\",\"currency\":\"EUR\",\"kycTier\":1,"
                                + "\"fee\":{\"basisPoints\":150,\"fixedAmount\":25}}",
                        text("ownerId", true, 128), oneOf("type", true, "CUSTOMER", "MERCHANT"),
                        field("currency", Kind.CURRENCY, true), integer("kycTier", false, 0, 3),
                        field("fee", Kind.OBJECT, false), integer("fee.basisPoints", false, 0, 10_000),
                        integer("fee.fixedAmount", false, 0, 1_000_000_000_000_000L)).build(),
                Template.of(COMMAND, "POST", "/v1/accounts/{id}/freeze", customer).idempotency(REQUIRED)
                        .body(BodyMode.OPTIONAL, "{\"reason\":\"fuzz\"}", text("reason", false, 256)).build(),
                Template.of(COMMAND, "POST", "/v1/accounts/{id}/unfreeze", fx.frozen()).idempotency(REQUIRED)
                        .body(BodyMode.OPTIONAL, "{}").build(),
                Template.of(COMMAND, "POST", "/v1/accounts/{id}/close", fx.spare()).idempotency(REQUIRED)
                        .body(BodyMode.OPTIONAL, "{}").build(),
                Template.of(COMMAND, "POST", "/v1/accounts/{id}/second-factor", customer).idempotency(REQUIRED)
                        .body(BodyMode.OPTIONAL, "{}").build());
    }

    private static List<Template> money(Fixture fx) {
        String movement = "{\"accountId\":\"" + fx.customer() + "\",\"amount\":100,\"currency\":\"EUR\","
                + "\"method\":\"CARD\",\"reference\":\"fuzz\"}";
        Template.Field[] movementFields = {field("accountId", Kind.ID, true), field("amount", Kind.AMOUNT, true),
                field("currency", Kind.CURRENCY, true),
                oneOf("method", true, "CARD", "BANK_TRANSFER", "CASH", "EXTERNAL_WALLET"), text("reference", false, 256)};
        return List.of(
                Template.of(COMMAND, "POST", "/v1/deposits").idempotency(REQUIRED)
                        .body(BodyMode.REQUIRED, movement, movementFields).build(),
                Template.of(COMMAND, "POST", "/v1/withdrawals").idempotency(REQUIRED)
                        .body(BodyMode.REQUIRED, movement, movementFields).build(),
                Template.of(COMMAND, "POST", "/v1/transfers").idempotency(REQUIRED).body(BodyMode.REQUIRED,
                        "{\"sourceAccountId\":\"" + fx.customer() + "\",\"destinationAccountId\":\"" + fx.payee()
                                + "\",\"amount\":100,\"currency\":\"EUR\",\"description\":\"fuzz\"}",
                        field("sourceAccountId", Kind.ID, true), field("destinationAccountId", Kind.DESTINATION_ID, true),
                        field("amount", Kind.AMOUNT, true), field("currency", Kind.CURRENCY, true),
                        text("description", false, 256)).build());
    }

    private static List<Template> payments(Fixture fx) {
        return List.of(
                Template.of(COMMAND, "POST", "/v1/payments").idempotency(REQUIRED).body(BodyMode.REQUIRED,
                        "{\"merchantAccountId\":\"" + fx.merchant() + "\",\"amount\":100,\"currency\":\"EUR\","
                                + "\"orderReference\":\"fuzz-order\",\"captureMethod\":\"MANUAL\",\"description\":\"fuzz\","
                                + "\"expiresInSeconds\":600}",
                        field("merchantAccountId", Kind.ID, true), field("amount", Kind.AMOUNT, true),
                        field("currency", Kind.CURRENCY, true), text("orderReference", true, 128),
                        oneOf("captureMethod", true, "AUTOMATIC", "MANUAL"), text("description", false, 256),
                        integer("expiresInSeconds", false, 1, 2_592_000))
                        .foreign("body:merchantAccountId", fx.otherMerchant()).build(),
                Template.of(COMMAND, "POST", "/v1/payments/{id}/authorize", fx.requested()).idempotency(REQUIRED)
                        .body(BodyMode.REQUIRED, "{\"payerAccountId\":\"" + fx.customer() + "\",\"secondFactorCode\":\"123456\"}",
                                field("payerAccountId", Kind.ID, true), text("secondFactorCode", false, 16),
                                oneOf("paymentMethod", false, "WALLET", "CARD")).build(),
                Template.of(COMMAND, "POST", "/v1/payments/{id}/capture", fx.authorized()).idempotency(REQUIRED)
                        .body(BodyMode.OPTIONAL, "{\"amount\":500,\"currency\":\"EUR\"}",
                                field("amount", Kind.AMOUNT, false), field("currency", Kind.CURRENCY, true)).build(),
                Template.of(COMMAND, "POST", "/v1/payments/{id}/cancel", fx.requested()).idempotency(REQUIRED)
                        .body(BodyMode.OPTIONAL, "{}").build(),
                Template.of(COMMAND, "POST", "/v1/payments/{id}/refunds", fx.captured()).idempotency(REQUIRED)
                        .body(BodyMode.REQUIRED, "{\"amount\":100,\"currency\":\"EUR\",\"reason\":\"fuzz\"}",
                                field("amount", Kind.AMOUNT, true), field("currency", Kind.CURRENCY, true),
                                text("reason", false, 256)).build());
    }

    private static List<Template> apiKeys(Fixture fx) {
        return List.of(
                Template.of(COMMAND, "POST", "/v1/api-keys").idempotency(OPTIONAL).strict().methods("GET", "POST")
                        .body(BodyMode.REQUIRED, "{\"role\":\"SERVICE\",\"grants\":[\"payments:read\"],\"description\":\"fuzz\"}",
                                oneOf("role", true, "ADMIN", "AUDITOR", "MERCHANT", "SERVICE"),
                                list("grants", true, 20, GRANTABLE), text("description", false, 200)).build(),
                Template.of(COMMAND, "GET", "/v1/api-keys").methods("GET", "POST").build(),
                Template.of(COMMAND, "GET", "/v1/api-keys/{id}", fx.serviceKeyId()).build(),
                Template.of(COMMAND, "POST", "/v1/api-keys/{id}/revoke", fx.serviceKeyId()).build());
    }

    private static List<Template> projections(Fixture fx, String account) {
        String merchant = fx.merchant();
        return List.of(
                Template.of(PROJECTION, "GET", "/v1/accounts/{id}", account).token()
                        .foreign("path:2", fx.customer()).build(),
                Template.of(PROJECTION, "GET", "/v1/accounts/{id}/transactions", account).token()
                        .param("limit", ParamKind.INT, "10", false, 1, 500)
                        .param("cursor", ParamKind.STATEMENT_CURSOR, null, false).build(),
                Template.of(PROJECTION, "GET", "/v1/accounts/{id}/balance", account).token()
                        .param("at", ParamKind.TIME, "2026-01-01", true)
                        .param("timeZone", ParamKind.ZONE, "Europe%2FParis", false).build(),
                Template.of(PROJECTION, "GET", "/v1/transfers/{id}", fx.transfer()).token().build(),
                Template.of(PROJECTION, "GET", "/v1/payments/{id}", fx.captured()).token().build(),
                sales("/v1/merchants/{id}/sales", "application/json", merchant, fx),
                sales("/v1/merchants/{id}/sales/export", "text/csv", merchant, fx),
                Template.of(PROJECTION, "GET", "/dashboard/merchants/{id}", merchant).produces("text/html")
                        .param("timeZone", ParamKind.ZONE, "UTC", false).param("days", ParamKind.INT, "7", false, 1, 90)
                        .foreign("path:2", fx.otherMerchant()).build(),
                Template.of(PROJECTION, "GET", "/dashboard/merchants/{id}/panel", merchant).produces("text/html")
                        .param("timeZone", ParamKind.ZONE, "UTC", false).param("days", ParamKind.INT, "7", false, 1, 90)
                        .foreign("path:2", fx.otherMerchant()).build(),
                Template.of(PROJECTION, "POST", "/admin/rebuild").methods("GET", "POST").build(),
                Template.of(PROJECTION, "GET", "/admin/rebuild").methods("GET", "POST").build());
    }

    private static Template sales(String path, String produces, String merchant, Fixture fx) {
        return Template.of(PROJECTION, "GET", path, merchant).produces(produces).token()
                .param("from", ParamKind.TIME, "2026-01-01", true).param("to", ParamKind.TIME, "2026-01-08", true)
                .param("granularity", ParamKind.GRANULARITY, "DAY", false)
                .param("timeZone", ParamKind.ZONE, "Europe%2FParis", false)
                .foreign("path:2", fx.otherMerchant()).build();
    }

    private static List<Template> notifications(Fixture fx, String webhookUrl) {
        String endpoint = fx.endpoint();
        return List.of(
                Template.of(NOTIFICATION, "POST", "/v1/webhook-endpoints").idempotency(OPTIONAL).methods("GET", "POST")
                        .body(BodyMode.REQUIRED, "{\"merchantAccountId\":\"" + fx.merchant() + "\",\"url\":\"" + webhookUrl
                                        + "-new\",\"eventTypes\":[\"payment.captured\"],\"description\":\"fuzz\"}",
                                field("merchantAccountId", Kind.ID, true), new Template.Field("url", Kind.URL, true, 1, 2048,
                                        List.of()), list("eventTypes", true, 64, EVENT_TYPES), text("description", false, 500))
                        .foreign("body:merchantAccountId", fx.otherMerchant()).build(),
                Template.of(NOTIFICATION, "GET", "/v1/webhook-endpoints").methods("GET", "POST")
                        .foreign("query:merchantAccountId", fx.otherMerchant()).build(),
                Template.of(NOTIFICATION, "GET", "/v1/webhook-endpoints/{id}", endpoint).methods("GET", "PATCH", "DELETE")
                        .build(),
                Template.of(NOTIFICATION, "PATCH", "/v1/webhook-endpoints/{id}", endpoint).methods("GET", "PATCH", "DELETE")
                        .strict().body(BodyMode.REQUIRED, "{\"description\":\"fuzz-patched\"}",
                                new Template.Field("url", Kind.URL, false, 1, 2048, List.of()),
                                list("eventTypes", false, 64, EVENT_TYPES), text("description", false, 500),
                                field("enabled", Kind.BOOL, false)).build(),
                Template.of(NOTIFICATION, "DELETE", "/v1/webhook-endpoints/{id}", endpoint)
                        .methods("GET", "PATCH", "DELETE").build(),
                Template.of(NOTIFICATION, "POST", "/v1/webhook-endpoints/{id}/rotate-secret", endpoint).idempotency(OPTIONAL)
                        .strict().body(BodyMode.OPTIONAL, "{\"overlapSeconds\":3600}",
                                integer("overlapSeconds", false, 0, 604_800)).build(),
                Template.of(NOTIFICATION, "GET", "/v1/webhook-endpoints/{id}/deliveries", endpoint)
                        .param("status", ParamKind.DELIVERY_STATUS, "SUCCEEDED", false)
                        .param("limit", ParamKind.INT, "10", false, 1, 200)
                        .param("before", ParamKind.DELIVERY_CURSOR, null, false).build(),
                Template.of(NOTIFICATION, "GET", "/v1/webhook-endpoints/{id}/dead-letters", endpoint)
                        .param("limit", ParamKind.INT, "10", false, 1, 200)
                        .param("before", ParamKind.DELIVERY_CURSOR, null, false).build(),
                Template.of(NOTIFICATION, "GET", "/v1/webhook-endpoints/{id}/deliveries/{deliveryId}", endpoint,
                        fx.delivery()).build(),
                Template.of(NOTIFICATION, "POST", "/v1/webhook-endpoints/{id}/deliveries/{deliveryId}/retry", endpoint,
                        fx.delivery()).build(),
                Template.of(NOTIFICATION, "GET", "/v1/merchants/{id}/events", fx.merchant()).produces("text/event-stream")
                        .lastEventId().param("types", ParamKind.EVENT_TYPES, "payment.captured", false)
                        .param("lastEventId", ParamKind.EVENT_ID, null, false)
                        .foreign("path:2", fx.otherMerchant()).build());
    }

    /** What the framework serves: health, metrics, the OpenAPI documents and the dashboard's script. */
    private static List<Template> framework() {
        List<Template> all = new java.util.ArrayList<>();
        for (Template.Service service : Template.Service.values()) {
            all.add(Template.of(service, "GET", "/health").produces(null).build());
            all.add(Template.of(service, "GET", "/prometheus").produces(null).build());
        }
        all.add(Template.of(COMMAND, "GET", "/swagger/{file}", "wallet-ledger-command-api-1.yml").produces(null)
                .build());
        all.add(Template.of(NOTIFICATION, "GET", "/swagger/{file}", "wallet-ledger-notification-api-1.yml")
                .produces(null).build());
        all.add(Template.of(COMMAND, "GET", "/swagger-ui/{file}", "index.html").produces(null).build());
        all.add(Template.of(NOTIFICATION, "GET", "/swagger-ui/{file}", "index.html").produces(null).build());
        all.add(Template.of(PROJECTION, "GET", "/dashboard/assets/{file}", "dashboard.js").produces(null).build());
        return all;
    }

    /** Paths served without a key: the bad-key share skips them. */
    static boolean isPublic(Template t) {
        return t.name().startsWith("GET /health") || t.name().startsWith("GET /swagger")
                || t.name().startsWith("GET /dashboard/assets");
    }
}
