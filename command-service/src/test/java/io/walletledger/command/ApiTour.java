package io.walletledger.command;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.HttpResponse;
import java.util.LinkedHashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of command-service's HTTP API, with each optional field both given and left out, so that the
 * service writes every event type of the catalog with its nullable fields both set and null. Payments expire
 * only if the service runs with short deadlines: a hold after {@code ledger.payments.hold-expiry}, a request
 * after its {@code expiresInSeconds} (1 s).
 */
final class ApiTour {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CommandServiceRunning service;
    private final Set<String> aggregates = new LinkedHashSet<>();
    private final Set<String> expiring = new LinkedHashSet<>();

    /** The accounts and payments whose streams the tour wrote to, and the payments left to expire. */
    record Visited(Set<String> aggregates, Set<String> expiring) {
    }

    ApiTour(CommandServiceRunning service) {
        this.service = service;
    }

    Visited run() throws Exception {
        String merchant = open("MERCHANT", ",\"fee\":{\"basisPoints\":150,\"fixedAmount\":25}");
        String payer = open("CUSTOMER", ",\"kycTier\":3");
        moneyInAndOut(merchant, payer);
        accountLifecycle(payer);
        walletPayments(merchant, payer);
        cardPayment(merchant);
        expiringPayments(merchant, payer);
        return new Visited(Set.copyOf(aggregates), Set.copyOf(expiring));
    }

    /** account.funds_deposited (with and without a reference), account.funds_withdrawn, the transfer that completes. */
    private void moneyInAndOut(String merchant, String payer) throws Exception {
        created("/v1/deposits", "{\"accountId\":\"" + payer + "\",\"amount\":100000,\"currency\":\"EUR\","
                + "\"method\":\"BANK_TRANSFER\",\"reference\":\"salary\"}");
        // the merchant pays refunds from its own money, before its captures are settled
        created("/v1/deposits", "{\"accountId\":\"" + merchant + "\",\"amount\":10000,\"currency\":\"EUR\","
                + "\"method\":\"CASH\"}");
        created("/v1/withdrawals", "{\"accountId\":\"" + payer + "\",\"amount\":500,\"currency\":\"EUR\","
                + "\"method\":\"EXTERNAL_WALLET\"}");
        String friend = open("CUSTOMER", "");
        created("/v1/transfers", transfer(payer, friend, 1000, ",\"description\":\"rent\""));
    }

    /** Second factor, freeze with and without a reason, unfreeze, close; a transfer to the closed account reverses. */
    private void accountLifecycle(String payer) throws Exception {
        String leaving = open("CUSTOMER", "");
        created("/v1/accounts/" + leaving + "/second-factor", "{}");
        ok("/v1/accounts/" + leaving + "/freeze", "{\"reason\":\"review\"}");
        ok("/v1/accounts/" + leaving + "/unfreeze", "{}");
        ok("/v1/accounts/" + leaving + "/freeze", "{}");
        ok("/v1/accounts/" + leaving + "/close", "{}");
        created("/v1/transfers", transfer(payer, leaving, 100, ""));
    }

    /** Partial capture and partial refund of a wallet payment; a cancel with a hold and one without. */
    private void walletPayments(String merchant, String payer) throws Exception {
        String captured = request(merchant, 5000, "MANUAL", ",\"description\":\"2 x coffee beans\"");
        ok("/v1/payments/" + captured + "/authorize", wallet(payer));
        ok("/v1/payments/" + captured + "/capture", "{\"amount\":3000,\"currency\":\"EUR\"}");
        created("/v1/payments/" + captured + "/refunds",
                "{\"amount\":1000,\"currency\":\"EUR\",\"reason\":\"damaged\"}");

        String held = request(merchant, 600, "MANUAL", "");
        ok("/v1/payments/" + held + "/authorize", wallet(payer));
        ok("/v1/payments/" + held + "/cancel", "{}");
        ok("/v1/payments/" + request(merchant, 700, "MANUAL", "") + "/cancel", "{}");
    }

    /** Captured on authorization, credited against the card funding account, refunded back to it. */
    private void cardPayment(String merchant) throws Exception {
        String card = request(merchant, 2000, "AUTOMATIC", "");
        ok("/v1/payments/" + card + "/authorize", "{\"paymentMethod\":\"CARD\",\"cardReference\":\"tok_visa_4242\"}");
        created("/v1/payments/" + card + "/refunds", "{\"amount\":500,\"currency\":\"EUR\"}");
    }

    /** A request nobody authorizes (stage REQUEST) and a wallet hold nobody captures (stage HOLD). */
    private void expiringPayments(String merchant, String payer) throws Exception {
        expiring.add(request(merchant, 100, "MANUAL", ",\"expiresInSeconds\":1"));
        String held = request(merchant, 200, "MANUAL", "");
        ok("/v1/payments/" + held + "/authorize", wallet(payer));
        expiring.add(held);
    }

    private String open(String type, String extra) throws Exception {
        String id = id(created("/v1/accounts", "{\"ownerId\":\"tour\",\"type\":\"" + type + "\",\"currency\":\"EUR\""
                + extra + "}"));
        aggregates.add(id);
        return id;
    }

    private String request(String merchant, long amount, String captureMethod, String extra) throws Exception {
        String id = id(created("/v1/payments", "{\"merchantAccountId\":\"" + merchant + "\",\"amount\":" + amount
                + ",\"currency\":\"EUR\",\"orderReference\":\"order-" + amount + "\",\"captureMethod\":\""
                + captureMethod + "\"" + extra + "}"));
        aggregates.add(id);
        return id;
    }

    private static String transfer(String from, String to, long amount, String extra) {
        return "{\"sourceAccountId\":\"" + from + "\",\"destinationAccountId\":\"" + to + "\",\"amount\":" + amount
                + ",\"currency\":\"EUR\"" + extra + "}";
    }

    private static String wallet(String payer) {
        return "{\"payerAccountId\":\"" + payer + "\"}";
    }

    private HttpResponse<String> created(String path, String body) throws Exception {
        return expect(201, path, body);
    }

    private HttpResponse<String> ok(String path, String body) throws Exception {
        return expect(200, path, body);
    }

    private HttpResponse<String> expect(int status, String path, String body) throws Exception {
        HttpResponse<String> response = service.post(path, body);
        assertThat(response.statusCode()).as("POST " + path + " " + body + " → " + response.body()).isEqualTo(status);
        return response;
    }

    private static String id(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).get("id").asText();
    }
}
