package io.walletledger.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.walletledger.testkit.KafkaEndpoint;
import io.walletledger.testkit.RealServices;
import io.walletledger.testkit.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The local stack runs on H2: under concurrency it must refuse cleanly too, never answer 5xx (I2). */
@ExtendWith(RealServices.class)
class H2ConcurrencyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void I2_no_overdraft_on_h2_under_concurrency(KafkaEndpoint kafka, @TempDir Path dir) throws Exception {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", -1,
                "datasources.default.url", "jdbc:h2:file:" + dir.resolve("command-service") + ";DB_CLOSE_ON_EXIT=FALSE",
                "datasources.default.username", "sa",
                "datasources.default.password", "",
                "ledger.kafka.bootstrap-servers", kafka.bootstrapServers(),
                "ledger.security.admin-key", TestKeys.ADMIN,
                "ledger.security.mode", "test",
                "ledger.secrets.active-key-id", "test-1",
                "ledger.secrets.active-key", TestKeys.SECRETS_KEY))) {
            String account = JSON.readTree(post(server, "/v1/accounts", "{\"ownerId\":\"h\",\"type\":\"CUSTOMER\","
                    + "\"currency\":\"EUR\",\"kycTier\":3}").body()).get("id").asText();
            post(server, "/v1/deposits", "{\"accountId\":\"" + account + "\",\"amount\":5000,\"currency\":\"EUR\","
                    + "\"method\":\"CARD\"}");
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<HttpResponse<String>> responses = new ArrayList<>();
            try {
                List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    calls.add(() -> post(server, "/v1/withdrawals", "{\"accountId\":\"" + account
                            + "\",\"amount\":500,\"currency\":\"EUR\",\"method\":\"CASH\"}"));
                }
                for (Future<HttpResponse<String>> f : pool.invokeAll(calls)) {
                    responses.add(f.get());
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isLessThan(500));
            assertThat(responses.stream().filter(r -> r.statusCode() == 201)).hasSize(10);
        }
    }

    private HttpResponse<String> post(EmbeddedServer server, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Content-Type", "application/json")
                .header("Authorization", TestKeys.adminBearer())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
