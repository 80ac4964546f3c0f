package io.walletledger.command;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Small steps of the payment flow against one running service. */
record PaymentHttpTestSupport(CommandServiceRunning service) {

    private static final ObjectMapper JSON = new ObjectMapper();

    String open(String type, long deposit) throws Exception {
        HttpResponse<String> r = service.post("/v1/accounts",
                "{\"ownerId\":\"o\",\"type\":\"" + type + "\",\"currency\":\"EUR\",\"kycTier\":3}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String id = JSON.readTree(r.body()).get("id").asText();
        if (deposit > 0) {
            assertThat(service.post("/v1/deposits", "{\"accountId\":\"" + id + "\",\"amount\":" + deposit
                    + ",\"currency\":\"EUR\",\"method\":\"CASH\"}").statusCode()).isEqualTo(201);
        }
        return id;
    }

    String request(String merchant, long amount) throws Exception {
        HttpResponse<String> r = service.post("/v1/payments", "{\"merchantAccountId\":\"" + merchant + "\",\"amount\":"
                + amount + ",\"currency\":\"EUR\",\"orderReference\":\"o\",\"captureMethod\":\"MANUAL\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("id").asText();
    }

    void authorize(String payment, String payer) throws Exception {
        HttpResponse<String> r = service.post("/v1/payments/" + payment + "/authorize",
                "{\"payerAccountId\":\"" + payer + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
}
