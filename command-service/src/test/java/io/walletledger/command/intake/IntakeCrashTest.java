package io.walletledger.command.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.walletledger.testkit.KafkaEndpoint;
import io.walletledger.testkit.PostgresDatabase;
import io.walletledger.testkit.RealServices;
import io.walletledger.testkit.ServiceProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * I7 across a crash: the intake dies after handling a command and publishing its result, before
 * committing the offset. The restarted intake consumes the command again, recognises its commandId,
 * publishes the first outcome again, and the deposit is applied once.
 */
@ExtendWith(RealServices.class)
class IntakeCrashTest {

    @Test
    void I7_exactly_once_a_command_redelivered_after_a_crash_is_applied_once_and_its_result_published(
            KafkaEndpoint kafka, PostgresDatabase db) throws Exception {
        Map<String, Object> base = ServiceProperties.of(kafka, db, CommandTopics.issuerAllowedEverything());
        Map<String, Object> crashing = new HashMap<>(base);
        crashing.put("ledger.intake.crash-before-first-commit", true);

        try (CommandTopics topics = new CommandTopics(kafka)) {
            String account;
            String deposit;
            try (EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, crashing)) {
                account = topics.result(topics.send("account.open", null,
                        "{\"ownerId\":\"c\",\"type\":\"CUSTOMER\",\"currency\":\"EUR\"}")).at("/resource/id").asText();
                // the first batch (the opening) was handled and published, but its offset never committed
                java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
                    java.net.http.HttpResponse<String> health = http.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(first.getURL() + "/health")).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
                    return health.statusCode() == 503 && health.body().contains("intake thread stopped");
                });
            }
            try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, base)) {
                deposit = topics.send("deposit", account,
                        "{\"accountId\":\"" + account + "\",\"amount\":900,\"currency\":\"EUR\",\"method\":\"CARD\"}");
                assertThat(topics.result(deposit).get("status").asText()).isEqualTo("ACCEPTED");
            }
            List<JsonNode> openResults = topics.results(topics.resultKeyOf(account), 2);
            assertThat(openResults.get(0).get("replayed").asBoolean()).isFalse();
            assertThat(openResults.get(1).get("replayed").asBoolean()).isTrue();
            assertThat(openResults.get(1).get("resource")).isEqualTo(openResults.get(0).get("resource"));
        }
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(
                "SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
            s.setString(1, accountIdIn(db));
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("account.opened");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("account.funds_deposited");
                assertThat(rs.next()).as("applied once").isFalse();
            }
        }
    }

    private static String accountIdIn(PostgresDatabase db) throws Exception {
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT aggregate_identifier, count(*) FROM domain_event_entry WHERE payload_type = 'account.opened' "
                        + "GROUP BY aggregate_identifier")) {
            assertThat(rs.next()).isTrue();
            String id = rs.getString(1);
            assertThat(rs.getLong(2)).isEqualTo(1);
            assertThat(rs.next()).as("the opening was applied once").isFalse();
            return id;
        }
    }
}
