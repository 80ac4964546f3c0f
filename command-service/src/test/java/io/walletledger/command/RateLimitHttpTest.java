package io.walletledger.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.walletledger.testkit.KafkaEndpoint;
import io.walletledger.testkit.PostgresDatabase;
import io.walletledger.testkit.RealServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each API key has its own request budget: one key past its burst gets 429 with Retry-After, another does not. */
@ExtendWith(RealServices.class)
class RateLimitHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void security_a_key_past_its_burst_is_rate_limited_and_another_key_is_not(KafkaEndpoint kafka, PostgresDatabase db)
            throws Exception {
        try (CommandServiceRunning admin = CommandServiceRunning.start(kafka, db, Map.of(
                "ledger.security.requests-per-second", 2, "ledger.security.burst", 2))) {
            // minted first: the admin key's bucket is what the burst below empties
            String auditor = new ApiKeyMinting(admin).role("AUDITOR").key();
            HttpResponse<String> limited = null;
            // 2 per second refill: ten requests in a row cannot all pass, whatever the machine's speed
            for (int i = 0; i < 10 && limited == null; i++) {
                HttpResponse<String> response = admin.get("/prometheus");
                if (response.statusCode() == 429) {
                    limited = response;
                } else {
                    assertThat(response.statusCode()).isEqualTo(200);
                }
            }
            assertThat(limited).as("a 429 within ten requests").isNotNull();
            assertThat(limited.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(JSON.readTree(limited.body()).get("code").asText()).isEqualTo("rate_limited");
            assertThat(limited.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(limited.headers().firstValue("Retry-After").map(Long::parseLong))
                    .hasValueSatisfying(seconds -> assertThat(seconds).isGreaterThanOrEqualTo(1));

            assertThat(admin.as(auditor).get("/prometheus").statusCode()).as("another key has its own budget").isEqualTo(200);
        }
    }
}
