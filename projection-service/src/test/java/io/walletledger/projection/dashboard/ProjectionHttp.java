package io.walletledger.projection.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.walletledger.testkit.TestKeys;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.awaitility.Awaitility.await;

/** Plain HTTP to projection-service, and waits until its projections applied what a test published. */
record ProjectionHttp(String baseUrl) {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** With the admin key: the tests' own reads, to wait on the projections. */
    HttpResponse<String> get(String path) throws Exception {
        return get(path, TestKeys.adminBearer());
    }

    /** With this Authorization header value, or none when null. */
    HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    void awaitFound(String path) {
        await().atMost(PATIENCE).until(() -> get(path).statusCode() == 200);
    }

    /** The payment view shows the status and the fee (which comes with the merchant's credit). */
    void awaitPayment(String id, String status, long fee) {
        await().atMost(PATIENCE).until(() -> {
            HttpResponse<String> response = get("/v1/payments/" + id);
            if (response.statusCode() != 200) {
                return false;
            }
            JsonNode payment = JSON.readTree(response.body());
            return status.equals(payment.get("status").asText()) && payment.at("/fee/amount").asLong() == fee;
        });
    }

    /** The merchant-sales projection (its own consumer group) has today's totals. */
    void awaitSalesToday(String merchant, ZoneId zone, long gross, long refunded, long fees) {
        LocalDate today = LocalDate.now(zone);
        String query = "/v1/merchants/" + merchant + "/sales?from=" + today + "&to=" + today.plusDays(1)
                + "&timeZone=" + URLEncoder.encode(zone.getId(), StandardCharsets.UTF_8);
        await().atMost(PATIENCE).until(() -> {
            HttpResponse<String> response = get(query);
            if (response.statusCode() != 200) {
                return false;
            }
            JsonNode totals = JSON.readTree(response.body()).get("totals");
            return totals.at("/gross/amount").asLong() == gross && totals.at("/refunded/amount").asLong() == refunded
                    && totals.at("/fees/amount").asLong() == fees;
        });
    }
}
